package eco2.auth.admin;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import eco2.auth.OpaqueTokens;
import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.auth.session.AccessTokenIssuer;
import eco2.common.error.Forbidden;
import eco2.common.security.Revocations;
import eco2.common.security.Roles;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may see a panel page: a live session (cookie → Redis), an account that is still active (read on every request,
 * so deactivation and role changes apply at once), the admin role, and on every POST the session's form token. Also
 * writes the panel's cookies and mints the access token the panel uses at the other services.
 */
public final class PanelGate {
    public static final String SESSION_COOKIE = "eco2_admin";
    public static final String LOGIN_COOKIE = "eco2_admin_login";
    public static final String LANG_COOKIE = "eco2_admin_lang";
    public static final String CSRF_FIELD = "_csrf";
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final PanelSessions sessions;
    private final Jdbi jdbi;
    private final AccessTokenIssuer issuer;
    private final Revocations revocations;
    private final AdminSettings settings;
    private final Clock clock;

    public PanelGate(
            PanelSessions sessions,
            Jdbi jdbi,
            AccessTokenIssuer issuer,
            Revocations revocations,
            AdminSettings settings,
            Clock clock) {
        this.sessions = sessions;
        this.jdbi = jdbi;
        this.issuer = issuer;
        this.revocations = revocations;
        this.settings = settings;
        this.clock = clock;
    }

    /** The signed-in caller, if any; a session whose account was deactivated or removed is ended here. */
    public Optional<PanelCaller> caller(Context ctx) {
        String cookie = ctx.cookie(SESSION_COOKIE);
        Optional<PanelSession> session = sessions.find(cookie);
        if (session.isEmpty()) return Optional.empty();
        Optional<User> user = jdbi.withExtension(
                        UserRepository.class,
                        users -> users.findById(session.get().userId()))
                .filter(User::isActive);
        if (user.isEmpty()) {
            sessions.delete(cookie);
            return Optional.empty();
        }
        PanelCaller caller = new PanelCaller(user.get(), session.get(), cookie);
        return Optional.of(caller.isAdmin() ? withFreshToken(caller) : caller);
    }

    /** An admin caller, a redirect to sign-in, or 403 for a signed-in non-admin. */
    public PanelCaller require(Context ctx) {
        PanelCaller caller = caller(ctx).orElseThrow(() -> new PanelRedirect("/admin/login"));
        if (!caller.isAdmin()) throw new Forbidden("This needs the admin role");
        return caller;
    }

    /** A POST without the session's form token is refused (403), whatever else it carries. */
    public void checkCsrf(Context ctx, String expected) {
        String sent = ctx.formParam(CSRF_FIELD);
        if (sent == null
                || expected == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("The form is missing its security token; reload the page and try again");
        }
    }

    /** Starts a session for a user who just proved their password; returns the cookie value. */
    public String start(Context ctx, User user) {
        PanelSession session = new PanelSession(user.id(), OpaqueTokens.newToken(), clock.instant(), null, null, null);
        if (user.roles().contains(Roles.ADMIN)) session = mint(session, user);
        String cookie = sessions.create(session);
        setCookie(ctx, SESSION_COOKIE, cookie, sessions.cookieMaxAge(session));
        return cookie;
    }

    /** Ends the session and the access token minted for it. */
    public void end(Context ctx, PanelCaller caller) {
        sessions.delete(caller.cookie());
        PanelSession session = caller.session();
        if (session.tokenId() != null)
            revocations.revoke(session.tokenId(), Duration.between(clock.instant(), session.accessExpiresAt()));
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    public String lang(Context ctx) {
        String chosen = ctx.cookie(LANG_COOKIE);
        if (chosen != null && Views.LANGUAGES.contains(chosen)) return chosen;
        String header = ctx.header("Accept-Language");
        if (header != null) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), Views.LANGUAGES);
                if (tag != null) return tag;
            } catch (IllegalArgumentException e) {
                // A malformed header falls back to the default language.
            }
        }
        return "ko";
    }

    public void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=/admin; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                                + (settings.secureCookie() ? "; Secure" : ""));
    }

    /** The panel's access token is renewed a few minutes before it expires, within the same session. */
    private PanelCaller withFreshToken(PanelCaller caller) {
        PanelSession session = caller.session();
        if (session.accessToken() != null
                && session.accessExpiresAt().isAfter(clock.instant().plus(RENEW_BEFORE))) return caller;
        PanelSession renewed = mint(session, caller.user());
        sessions.save(caller.cookie(), renewed);
        return new PanelCaller(caller.user(), renewed, caller.cookie());
    }

    private PanelSession mint(PanelSession session, User user) {
        String token = issuer.issue(user, UUID.randomUUID());
        DecodedJWT decoded = JWT.decode(token);
        return session.withAccess(token, decoded.getId(), decoded.getExpiresAtAsInstant());
    }
}
