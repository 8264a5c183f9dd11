package eco2.auth.session;

import java.time.Instant;
import java.util.UUID;

/** A row of auth.refresh_tokens (the token itself is never stored, only its hash). */
public record RefreshToken(
        UUID id,
        UUID userId,
        UUID familyId,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        Instant sessionExpiresAt) {}
