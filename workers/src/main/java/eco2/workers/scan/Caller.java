package eco2.workers.scan;

import eco2.common.security.Identity;
import eco2.common.security.KeyPrincipal;
import eco2.common.security.Principal;
import java.util.UUID;

/**
 * Who a scan belongs to: a signed-in user (id {@code user:<uuid>}) or an API key's family ({@code key:<family>}, so
 * a rotated key still sees its tasks). Only users have a {@code userId}, so only users' scans pay or unlock anything.
 */
public record Caller(String id, UUID userId) {
    public static Caller user(UUID userId) {
        return new Caller("user:" + userId, userId);
    }

    public static Caller of(Identity identity) {
        if (identity instanceof Principal user) return user(user.userId());
        return new Caller(((KeyPrincipal) identity).subject(), null);
    }
}
