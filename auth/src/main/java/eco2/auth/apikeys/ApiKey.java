package eco2.auth.apikeys;

import java.time.Instant;
import java.util.UUID;

/** A row of auth.api_keys. */
public record ApiKey(
        UUID id,
        UUID userId,
        UUID familyId,
        String name,
        String prefix,
        byte[] keyHash,
        String tier,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        UUID rotatedTo) {

    /** Usable now: not revoked and, if rotated away, still inside its grace. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
