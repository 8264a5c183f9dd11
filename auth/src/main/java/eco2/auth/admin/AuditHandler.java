package eco2.auth.admin;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code GET /admin/audit?page=}: every admin action, newest first. */
public final class AuditHandler {
    private final PanelPages pages;
    private final AdminService admin;

    public AuditHandler(PanelPages pages, AdminService admin) {
        this.pages = pages;
        this.admin = admin;
    }

    public void show(Context ctx, PanelCaller caller) {
        int page = Paging.page(ctx);
        List<Map<String, Object>> rows = admin.auditPage(page).stream()
                .map(row -> Map.<String, Object>of(
                        "at", Views.time(row.at()),
                        "actor", row.actorEmail(),
                        "action", row.action(),
                        "target", row.target(),
                        "detail", row.detail() == null ? "" : row.detail(),
                        "requestId", row.requestId()))
                .toList();
        Map<String, Object> model = pages.model(ctx, caller, "audit", "audit");
        model.put("rows", rows);
        model.put("has_rows", !rows.isEmpty());
        model.put("pager", Paging.pager(pages, model, "/admin/audit?", page, admin.auditCount()));
        pages.render(ctx, "audit", model);
    }
}
