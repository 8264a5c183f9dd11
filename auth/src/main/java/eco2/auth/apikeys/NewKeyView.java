package eco2.auth.apikeys;

import java.time.Instant;
import java.util.UUID;

/** A key just made (create or rotate): the only time {@code key} is ever shown. */
public record NewKeyView(UUID id, String name, String key, String prefix, String tier, Instant createdAt) {}
