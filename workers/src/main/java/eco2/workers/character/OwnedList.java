package eco2.workers.character;

import java.util.List;

/** GET /characters/me: the caller's characters, oldest first. */
public record OwnedList(List<OwnedCharacter> items) {}
