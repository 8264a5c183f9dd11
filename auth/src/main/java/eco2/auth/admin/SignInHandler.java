package eco2.auth.admin;

import eco2.auth.OpaqueTokens;
import eco2.auth.account.User;
import eco2.auth.session.SessionService;
import eco2.common.error.Forbidden;
import eco2.common.error.Unauthorized;
import eco2.common.http.ClientIp;
import eco2.common.http.RequestIds;
import eco2.common.security.Roles;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Sign-in, sign-out and the language switch. Sign-in goes through auth's own login check, so the login throttle
 * applies; its form is protected by a double-submit token (a cookie and a field that must match), since there is
 * no session to hold one yet.
 */
public final class SignInHandler {
    private static final int YEAR = 365 * 24 * 3600;

    private final PanelPages pages;
    private final PanelGate gate;
    private final SessionService sessions;
    private final AdminService admin;

    public SignInHandler(PanelPages pages, PanelGate gate, SessionService sessions, AdminService admin) {
        this.pages = pages;
        this.gate = gate;
        this.sessions = sessions;
        this.admin = admin;
    }

    /** {@code GET /admin/login} */
    public void form(Context ctx) {
        if (gate.caller(ctx).isPresent()) throw new PanelRedirect("/admin");
        renderForm(ctx, null, "");
    }

    /** {@code POST /admin/login} with {@code email}, {@code password} and the form token. */
    public void submit(Context ctx) {
        String expected = ctx.cookie(PanelGate.LOGIN_COOKIE);
        String sent = ctx.formParam(PanelGate.CSRF_FIELD);
        if (expected == null
                || sent == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("The form is missing its security token; reload the page and try again");
        }
        String login =
                ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        if (login.isEmpty() || login.length() > 254 || password.isEmpty() || password.length() > 1024) {
            ctx.status(401);
            renderForm(ctx, "bad_credentials", login);
            return;
        }
        User user;
        try {
            user = sessions.authenticate(login, password, ClientIp.of(ctx));
        } catch (Unauthorized e) {
            ctx.status(401);
            renderForm(ctx, "bad_credentials", login);
            return;
        }
        gate.start(ctx, user);
        gate.setCookie(ctx, PanelGate.LOGIN_COOKIE, "", 0);
        if (user.roles().contains(Roles.ADMIN))
            admin.record(
                    new AdminService.Actor(user.id(), user.email(), RequestIds.of(ctx)),
                    "panel.sign_in",
                    "panel",
                    null);
        throw new PanelRedirect("/admin");
    }

    /** {@code POST /admin/logout} */
    public void logout(Context ctx, PanelCaller caller) {
        gate.end(ctx, caller);
        throw new PanelRedirect("/admin/login");
    }

    /** {@code GET /admin/lang/{lang}?next=/admin/users}: remembers the choice in a cookie, then goes back. */
    public void language(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (Views.LANGUAGES.contains(lang)) gate.setCookie(ctx, PanelGate.LANG_COOKIE, lang, YEAR);
        String next = ctx.queryParam("next");
        // Only a path inside the panel: never an open redirect.
        boolean local = next != null
                && next.startsWith("/admin")
                && !next.startsWith("//")
                && next.chars().noneMatch(c -> c == '\\' || c < 0x20);
        throw new PanelRedirect(local ? next : "/admin");
    }

    private void renderForm(Context ctx, String errorKey, String login) {
        String token = OpaqueTokens.newToken();
        gate.setCookie(ctx, PanelGate.LOGIN_COOKIE, token, 3600);
        Map<String, Object> model = pages.model(ctx, null, null, "sign_in");
        model.put("csrf", token);
        model.put("email", login);
        if (errorKey != null) model.put("error", pages.views().text((String) model.get("lang"), errorKey));
        pages.render(ctx, "login", model);
    }
}
