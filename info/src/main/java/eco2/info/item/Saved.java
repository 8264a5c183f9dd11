package eco2.info.item;

import java.util.UUID;

/** A document a write produced, with the id its Location header needs. */
public record Saved(UUID id, String json) {}
