package eco2.auth.apikeys;

import java.time.Instant;
import java.util.UUID;

/** A key as listed: its prefix, never the key. */
public record KeyView(
        UUID id,
        String name,
        String prefix,
        String tier,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {
    static KeyView of(ApiKey key) {
        return new KeyView(
                key.id(),
                key.name(),
                key.prefix(),
                key.tier(),
                key.createdAt(),
                key.lastUsedAt(),
                key.expiresAt(),
                key.revokedAt());
    }
}
