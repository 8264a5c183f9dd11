package eco2.auth.admin;

import eco2.common.error.ApiException;
import eco2.common.error.RateLimited;
import eco2.common.http.RequestIds;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Renders panel pages: the frame every page shares (language, navigation, the form token, a notice after a form)
 * and the HTML error pages that stand in for the JSON envelope under /admin.
 */
public final class PanelPages {
    private static final Logger log = LoggerFactory.getLogger(PanelPages.class);
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Views views;
    private final PanelGate gate;

    public PanelPages(Views views, PanelGate gate) {
        this.views = views;
        this.gate = gate;
    }

    public Views views() {
        return views;
    }

    /** Headers of every panel response: a strict CSP and no caching of pages that show personal data. */
    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }

    /** The shared frame; {@code caller} may be null (sign-in and error pages). */
    public Map<String, Object> model(Context ctx, PanelCaller caller, String nav, String titleKey) {
        String lang = gate.lang(ctx);
        Map<String, String> t = views.messages(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("otherLang", lang.equals("ko") ? "en" : "ko");
        model.put("t", t);
        model.put("title", t.getOrDefault(titleKey, titleKey));
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        model.put("here", URLEncoder.encode(here, StandardCharsets.UTF_8));
        if (caller != null) {
            model.put("me", caller.user().email());
            model.put("csrf", caller.session().csrf());
            model.put("admin", caller.isAdmin());
        }
        if (nav != null) model.put("nav", Map.of(nav, true));
        String notice = ctx.queryParam("notice");
        if (notice != null && t.containsKey("notice_" + notice)) model.put("notice", t.get("notice_" + notice));
        return model;
    }

    public void render(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8").result(views.render(template, model));
    }

    /** An error as an HTML page with the status it would have had as JSON. */
    public void error(Context ctx, Exception e, PanelCaller caller) {
        int status;
        String message = null;
        List<String> errors = List.of();
        if (e instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
            errors = api.errors().stream()
                    .map(f -> f.field() + ": " + f.message())
                    .toList();
            if (api instanceof RateLimited limited)
                ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        } else if (e instanceof JedisException || e instanceof ConnectionException) {
            log.warn("admin panel dependency down on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            status = 503;
        } else {
            log.error("admin panel error on {} {}", ctx.method(), ctx.path(), e);
            status = 500;
        }
        Map<String, Object> model = model(ctx, caller, null, "error_title");
        String lang = (String) model.get("lang");
        model.put("status", status);
        model.put(
                "heading",
                views.text(lang, "error_" + status).equals("error_" + status)
                        ? views.text(lang, "error_title")
                        : views.text(lang, "error_" + status));
        model.put("message", message);
        model.put("errors", errors);
        model.put("has_errors", !errors.isEmpty());
        model.put("requestId", RequestIds.of(ctx));
        ctx.status(status);
        render(ctx, "error", model);
    }
}
