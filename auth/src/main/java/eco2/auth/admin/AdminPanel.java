package eco2.auth.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.auth.apikeys.ApiKeyService;
import eco2.auth.session.AccessTokenIssuer;
import eco2.auth.session.SessionService;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.error.Forbidden;
import eco2.common.error.NotFound;
import eco2.common.http.Infra;
import eco2.common.redis.DocumentCache;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin panel at /admin: its parts, wired by constructor, and all its routes. Every page goes through one
 * wrapper that sets the CSP, finds the signed-in caller (or redirects to sign-in), demands the admin role and, on a
 * POST, the session's form token, and turns any failure into an HTML page instead of the JSON envelope.
 */
public final class AdminPanel {
    /** A panel page's handler, given the checked caller. */
    @FunctionalInterface
    interface PanelHandler {
        void handle(Context ctx, PanelCaller caller) throws Exception;
    }

    private final PanelGate gate;
    private final PanelPages pages;
    private final SignInHandler signIn;
    private final DashboardHandler dashboard;
    private final UsersHandler users;
    private final KeysHandler keys;
    private final ContentHandler content;
    private final DeadLetterHandler deadLetters;
    private final AuditHandler audit;
    private final byte[] stylesheet = resource("/admin/static/admin.css");

    public AdminPanel(
            AdminSettings settings,
            Infra infra,
            Jdbi jdbi,
            SessionService sessions,
            AccessTokenIssuer issuer,
            UserTokenRevoker userTokens,
            ApiKeyService apiKeys,
            DocumentCache userInfo) {
        ObjectMapper mapper = infra.mapper();
        PanelSessions panelSessions = new PanelSessions(infra.redis(), mapper, settings, infra.clock());
        this.gate = new PanelGate(panelSessions, jdbi, issuer, infra.revocations(), settings, infra.clock());
        this.pages = new PanelPages(new Views(), gate);
        AdminService admin = new AdminService(jdbi, userTokens, apiKeys, userInfo, infra.clock());
        ServiceClient client = new ServiceClient(settings, mapper);
        ServiceStats stats = new ServiceStats(client);
        this.signIn = new SignInHandler(pages, gate, sessions, admin);
        this.dashboard = new DashboardHandler(pages, admin, stats);
        this.keys = new KeysHandler(pages, admin);
        this.users = new UsersHandler(pages, admin, keys);
        this.content = new ContentHandler(pages, client, admin, mapper);
        this.deadLetters = new DeadLetterHandler(pages, client, stats, admin);
        this.audit = new AuditHandler(pages, admin);
    }

    public void routes(Javalin app) {
        app.get(
                "/admin/static/admin.css",
                ctx -> ctx.contentType("text/css; charset=utf-8")
                        .header("Cache-Control", "max-age=3600")
                        .result(stylesheet));
        app.get("/admin/login", open(signIn::form));
        app.post("/admin/login", open(signIn::submit));
        app.get("/admin/lang/{lang}", open(signIn::language));
        app.post("/admin/logout", signedIn(signIn::logout));
        app.get("/admin", admin(dashboard::show));
        app.get("/admin/users", admin(users::list));
        app.get("/admin/users/{id}", admin(users::show));
        app.post("/admin/users/{id}/entitlement", admin(keys::entitle));
        app.post("/admin/users/{id}/{action}", admin(users::act));
        app.get("/admin/api-keys", admin(keys::list));
        app.post("/admin/api-keys/{id}/revoke", admin(keys::revoke));
        app.get("/admin/content", admin(content::list));
        app.get("/admin/content/{kind}/new", admin(content::form));
        app.get("/admin/content/{kind}/{id}", admin(content::form));
        app.post("/admin/content/{kind}", admin(content::save));
        app.post("/admin/content/{kind}/{id}", admin(content::save));
        app.get("/admin/dead-letters", admin(deadLetters::show));
        app.post("/admin/dead-letters/{service}/{queue}/{id}/{action}", admin(deadLetters::act));
        app.get("/admin/audit", admin(audit::show));
        // Anything else under /admin is an HTML 404 too, not the JSON envelope.
        Handler notFound = open(ctx -> {
            throw new NotFound("No such page");
        });
        for (HandlerType method : new HandlerType[] {
            HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE
        }) {
            if (method != HandlerType.GET) app.addHttpHandler(method, "/admin", notFound);
            app.addHttpHandler(method, "/admin/<rest>", notFound);
        }
    }

    /** Pages anyone may reach (sign-in, language). */
    private Handler open(Handler handler) {
        return ctx -> {
            PanelPages.headers(ctx);
            try {
                handler.handle(ctx);
            } catch (PanelRedirect redirect) {
                ctx.redirect(redirect.location(), HttpStatus.SEE_OTHER);
            } catch (Exception e) {
                pages.error(ctx, e, null);
            }
        };
    }

    private Handler admin(PanelHandler handler) {
        return ctx -> run(ctx, true, handler);
    }

    /** Signed in, admin or not (sign-out). */
    private Handler signedIn(PanelHandler handler) {
        return ctx -> run(ctx, false, handler);
    }

    private void run(Context ctx, boolean adminOnly, PanelHandler handler) {
        PanelPages.headers(ctx);
        PanelCaller caller = null;
        try {
            caller = gate.caller(ctx).orElseThrow(() -> new PanelRedirect("/admin/login"));
            if (ctx.method() == HandlerType.POST)
                gate.checkCsrf(ctx, caller.session().csrf());
            if (adminOnly && !caller.isAdmin()) throw new Forbidden("This needs the admin role");
            handler.handle(ctx, caller);
        } catch (PanelRedirect redirect) {
            ctx.redirect(redirect.location(), HttpStatus.SEE_OTHER);
        } catch (Exception e) {
            pages.error(ctx, e, caller);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = AdminPanel.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
