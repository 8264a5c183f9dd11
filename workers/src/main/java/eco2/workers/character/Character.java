package eco2.workers.character;

/** One collectible character of the catalogue (GET /api/v1/characters). */
public record Character(
        String code, String name, String typeLabel, String dialog, String unlockHint, boolean isDefault) {}
