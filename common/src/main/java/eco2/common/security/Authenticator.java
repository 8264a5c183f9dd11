package eco2.common.security;

import eco2.common.error.Forbidden;
import eco2.common.error.Unauthorized;
import eco2.common.error.Unavailable;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells handlers who is calling. {@link #require} gives the signed-in user behind a bearer token and refuses API
 * keys (401), so every endpoint that belongs to a person accepts users only; {@link #identify} also gives the
 * {@link KeyPrincipal} the API-key gate admitted, for the endpoints marked key ok.
 *
 * <p>A bearer token is turned into a {@link Principal} The token is verified at most once per request
 * (the rate limiter may already have done it), and the revocation answer the rate limiter fetched in its
 * round trip is reused, so a protected request costs one Redis call. If Redis cannot answer, revocation
 * cannot be checked and the request fails closed with 503.
 */
public final class Authenticator {
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private static final String PRINCIPAL = "eco2.principal";
    private static final String CHECKED = "eco2.principal.checked";
    private static final String REVOKED = "eco2.principal.revoked";
    private static final String KEY = "eco2.principal.key";
    private static final String KEY_HEADER = "X-API-Key";

    private final AccessTokenVerifier verifier;
    private final Revocations revocations;

    public Authenticator(AccessTokenVerifier verifier, Revocations revocations) {
        this.verifier = verifier;
        this.revocations = revocations;
    }

    /** The verified principal, or null for anonymous or invalid tokens. Does not consult the blacklist. */
    public Principal peek(Context ctx) {
        if (ctx.attribute(CHECKED) == null) {
            ctx.attribute(CHECKED, Boolean.TRUE);
            String token = bearer(ctx);
            if (token != null) ctx.attribute(PRINCIPAL, verifier.verify(token));
        }
        return ctx.attribute(PRINCIPAL);
    }

    /** Records the revocation answer (blacklist and user mark) fetched together with the rate-limit decision. */
    public void rememberRevoked(Context ctx, boolean revoked) {
        ctx.attribute(REVOKED, revoked);
    }

    /** Records the API key the gate verified for this request. */
    public void rememberKey(Context ctx, KeyPrincipal key) {
        ctx.attribute(KEY, key);
    }

    /** The caller of a key-ok endpoint: the API key the gate admitted, else the signed-in user (or 401). */
    public Identity identify(Context ctx) {
        KeyPrincipal key = ctx.attribute(KEY);
        if (key != null) return key;
        return require(ctx);
    }

    /**
     * The signed-in user, or 401 (missing, invalid, expired or revoked token, or an API key: this endpoint is for
     * people).
     */
    public Principal require(Context ctx) {
        if (ctx.header(KEY_HEADER) != null) {
            throw new Unauthorized("This endpoint does not accept API keys; send a bearer token");
        }
        Principal principal = peek(ctx);
        if (principal == null) {
            throw new Unauthorized(bearer(ctx) == null ? "Missing bearer token" : "Invalid or expired token");
        }
        Boolean revoked = ctx.attribute(REVOKED);
        if (revoked == null) revoked = checkRevoked(principal);
        if (revoked) throw new Unauthorized("Token has been revoked");
        return principal;
    }

    public Principal requireRole(Context ctx, String role) {
        Principal principal = require(ctx);
        if (!principal.hasRole(role)) throw new Forbidden("This needs the " + role + " role");
        return principal;
    }

    private boolean checkRevoked(Principal principal) {
        try {
            return revocations.isRevoked(principal);
        } catch (JedisException e) {
            log.warn("revocation check unavailable: {}", e.toString());
            throw new Unavailable("Token revocation cannot be checked right now");
        }
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
