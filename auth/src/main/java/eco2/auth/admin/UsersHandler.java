package eco2.auth.admin;

import eco2.auth.account.User;
import eco2.common.error.NotFound;
import eco2.common.http.RequestIds;
import eco2.common.security.Roles;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The users pages: search (paged), one user's details, sessions and API keys, and the account actions. */
public final class UsersHandler {
    private final PanelPages pages;
    private final AdminService admin;
    private final KeysHandler keys;

    public UsersHandler(PanelPages pages, AdminService admin, KeysHandler keys) {
        this.pages = pages;
        this.admin = admin;
        this.keys = keys;
    }

    /** {@code GET /admin/users?q=mina&page=2} */
    public void list(Context ctx, PanelCaller caller) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 200) q = q.substring(0, 200);
        int page = Paging.page(ctx);
        AdminService.UserPage found = admin.search(q, page);
        List<Map<String, Object>> users =
                found.users().stream().map(UsersHandler::row).toList();
        Map<String, Object> model = pages.model(ctx, caller, "users", "users");
        model.put("q", q);
        model.put("users", users);
        model.put("has_users", !users.isEmpty());
        String base = "/admin/users?" + (q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&");
        model.put("pager", Paging.pager(pages, model, base, page, found.total()));
        pages.render(ctx, "users", model);
    }

    /** {@code GET /admin/users/{id}} */
    public void show(Context ctx, PanelCaller caller) {
        UUID id = PathIds.uuid(ctx, "id", "No such user");
        User user = admin.user(id);
        Map<String, Object> view = row(user);
        view.put("verified", user.isVerified());
        view.put("admin", user.roles().contains(Roles.ADMIN));
        List<Map<String, Object>> sessions = admin.sessions(id).stream()
                .map(s -> Map.<String, Object>of(
                        "id", s.familyId().toString().substring(0, 8),
                        "started", Views.time(s.startedAt()),
                        "lastUsed", Views.time(s.lastUsedAt()),
                        "expires", Views.time(s.expiresAt()),
                        "live", s.active()))
                .toList();
        Map<String, Object> model = pages.model(ctx, caller, "users", "user");
        model.put("title", user.username());
        model.put("user", view);
        model.put("sessions", sessions);
        model.put("has_sessions", !sessions.isEmpty());
        keys.addTo(model, id);
        pages.render(ctx, "user", model);
    }

    /** {@code POST /admin/users/{id}/{action}}: deactivate, reactivate, grant-admin or revoke-admin. */
    public void act(Context ctx, PanelCaller caller) {
        UUID id = PathIds.uuid(ctx, "id", "No such user");
        AdminService.Actor actor = caller.actor(RequestIds.of(ctx));
        String notice;
        switch (ctx.pathParam("action")) {
            case "deactivate" -> {
                admin.deactivate(actor, id);
                notice = "deactivated";
            }
            case "reactivate" -> {
                admin.reactivate(actor, id);
                notice = "reactivated";
            }
            case "grant-admin" -> {
                admin.grantAdmin(actor, id);
                notice = "granted";
            }
            case "revoke-admin" -> {
                admin.revokeAdmin(actor, id);
                notice = "revoked";
            }
            default -> throw new NotFound("No such action");
        }
        throw new PanelRedirect("/admin/users/" + id + "?notice=" + notice);
    }

    private static Map<String, Object> row(User user) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", user.id().toString());
        row.put("username", user.username());
        row.put("email", user.email());
        row.put("roles", user.roles());
        row.put("active", user.isActive());
        row.put("created", Views.time(user.createdAt()));
        return row;
    }
}
