package eco2.auth.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * One signed-in panel session as kept in Redis: who, the form token, when it started (for the 8-hour cap) and the
 * access token minted for it, with which the panel calls the other services as this admin.
 */
public record PanelSession(
        UUID userId, String csrf, Instant createdAt, String accessToken, String tokenId, Instant accessExpiresAt) {
    public PanelSession withAccess(String token, String id, Instant expiresAt) {
        return new PanelSession(userId, csrf, createdAt, token, id, expiresAt);
    }
}
