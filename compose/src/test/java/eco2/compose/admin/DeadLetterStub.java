package eco2.compose.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for one service's admin JSON endpoints (stats and dead letters) as the contract in the brief describes
 * them, for the dead-letter page only: those endpoints are being built on another branch. It records what the panel
 * asked, and with which bearer token.
 */
final class DeadLetterStub implements AutoCloseable {
    static final String PREFIX = "/api/v1/scan";
    static final String QUEUE = "workers.scan-requested.dlq";

    final Map<String, Map<String, Object>> messages = new ConcurrentHashMap<>();
    final List<String> replayed = new CopyOnWriteArrayList<>();
    final List<String> discarded = new CopyOnWriteArrayList<>();
    final List<String> bearers = new CopyOnWriteArrayList<>();
    private final Javalin app;

    DeadLetterStub() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        app.before(ctx -> {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                ctx.status(401).json(Map.of("success", false, "code", "unauthorized"));
                ctx.skipRemainingHandlers();
            } else bearers.add(auth.substring(7));
        });
        app.get(PREFIX + "/admin/stats", this::stats);
        app.get(PREFIX + "/admin/dead-letters/{queue}", this::list);
        app.post(PREFIX + "/admin/dead-letters/{queue}/{id}/replay", ctx -> take(ctx, replayed));
        app.delete(PREFIX + "/admin/dead-letters/{queue}/{id}", ctx -> take(ctx, discarded));
        app.start(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    void add(String id, String type, String error) {
        messages.put(
                id,
                Map.of(
                        "id",
                        id,
                        "type",
                        type,
                        "routing_key",
                        "scan.requested",
                        "error",
                        error,
                        "attempts",
                        5,
                        "body",
                        Map.of("task_id", id, "text", "<b>깨진 유리</b>")));
    }

    private void stats(Context ctx) {
        ctx.json(Map.of(
                "service",
                "workers",
                "outbox_backlog",
                3,
                "dead_letters",
                List.of(Map.of("queue", QUEUE, "depth", messages.size())),
                "counts",
                Map.of("scans_today", 42, "chat_messages_today", 17)));
    }

    private void list(Context ctx) {
        if (!ctx.pathParam("queue").equals(QUEUE)) {
            ctx.status(404);
            return;
        }
        ctx.json(Map.of("queue", QUEUE, "depth", messages.size(), "messages", List.copyOf(messages.values())));
    }

    private void take(Context ctx, List<String> into) {
        if (messages.remove(ctx.pathParam("id")) == null) {
            ctx.status(404).json(Map.of("success", false, "code", "not_found"));
            return;
        }
        into.add(ctx.pathParam("id"));
        ctx.status(204);
    }

    @Override
    public void close() {
        app.stop();
    }
}
