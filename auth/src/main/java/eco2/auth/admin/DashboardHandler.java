package eco2.auth.admin;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code GET /admin}: users from auth's own tables, the rest from each service's admin stats. */
public final class DashboardHandler {
    private final PanelPages pages;
    private final AdminService admin;
    private final ServiceStats stats;

    public DashboardHandler(PanelPages pages, AdminService admin, ServiceStats stats) {
        this.pages = pages;
        this.admin = admin;
        this.stats = stats;
    }

    public void show(Context ctx, PanelCaller caller) {
        AdminService.UserCounts users = admin.counts();
        List<ServiceStats.Stat> services = stats.collect(caller.accessToken());
        ServiceStats.Stat workers = services.stream()
                .filter(s -> s.name().equals("workers"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> model = pages.model(ctx, caller, "dashboard", "dashboard");
        model.put("usersTotal", Long.toString(users.total()));
        model.put("usersNewToday", Long.toString(users.newToday()));
        model.put("scansToday", workers.count("scans_today"));
        model.put("chatToday", workers.count("chat_messages_today"));
        model.put("services", services.stream().map(ServiceStats.Stat::view).toList());
        pages.render(ctx, "dashboard", model);
    }
}
