package eco2.workers.character;

import java.time.Instant;

/** A character a user has, with when and how they got it (GET /api/v1/characters/me). */
public record OwnedCharacter(String code, String name, Instant unlockedAt, String source) {}
