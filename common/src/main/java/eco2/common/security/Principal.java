package eco2.common.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed-in user behind a verified access token; {@code sessionId} names the sign-in it came from and
 * {@code issuedAt} when the token was made (either may be null).
 */
public record Principal(
        UUID userId,
        String email,
        String username,
        List<String> roles,
        String tokenId,
        Instant expiresAt,
        String sessionId,
        Instant issuedAt)
        implements Identity {
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String subject() {
        return "user:" + userId;
    }

    @Override
    public UUID ownerId() {
        return userId;
    }
}
