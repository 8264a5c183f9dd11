package eco2.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.workers.scan.ScanTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * workers mounts the shared admin endpoints under /api/v1/scan with the day's scans, chat messages and mails, both
 * outboxes and all five of its queues; an unreadable scan.requested message is parked with a reason and can be
 * discarded. The app runs every service, so the merged spec must hold each one's admin paths.
 */
class AdminApiIT {
    /** Today in Seoul, written independently of the code under test. */
    static final String TODAY = "date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul'";

    @RegisterExtension
    static final RunningApp<ScanTestApp> app = RunningApp.of(ScanTestApp::start);

    @Test
    void statsListTheFiveQueuesAndCountTodaysWork() throws Exception {
        String[] admin = admin();
        app.get().db.useHandle(h -> {
            for (String created : List.of("now()", TODAY + " - interval '1 minute'"))
                h.execute(
                        "INSERT INTO scan.tasks (id, caller, input_text, has_image, created_at) "
                                + "VALUES (?, 'user:x', 'can', false, " + created + ")",
                        UUID.randomUUID());
            h.execute(
                    "INSERT INTO notification.processed_events (event_id, event_type, processed_at) "
                            + "VALUES (?, 'notification.email', " + TODAY + " - interval '1 minute')",
                    UUID.randomUUID());
        });

        Await.until(() -> {
            JsonNode counts = stats(admin).get("counts");
            return counts.get("scans_today").asLong() == count("scan.tasks", "created_at", "")
                    && counts.get("notifications_sent_today").asLong()
                            == count(
                                    "notification.processed_events",
                                    "processed_at",
                                    "event_type = 'notification.email'")
                    && counts.get("chat_messages_today").asLong() == count("chat.messages", "created_at", "");
        });
        JsonNode stats = stats(admin);
        assertThat(stats.get("service").asText()).isEqualTo("workers");
        assertThat(stats.get("counts").get("scans_today").asLong()).isEqualTo(1);
        assertThat(stats.get("outbox_backlog").asLong()).isNotNegative();
        List<String> queues = new ArrayList<>();
        stats.get("dead_letters").forEach(q -> queues.add(q.get("queue").asText()));
        assertThat(queues)
                .containsExactly(
                        app.get().workers.notification().queue(),
                        app.get().workers.scan().requestedQueue(),
                        app.get().workers.scan().scanEventsQueue(),
                        app.get().workers.scan().characterEventsQueue(),
                        app.get().workers.chat().userEventsQueue());
    }

    @Test
    void anUnreadableScanRequestIsParkedWithItsReasonAndCanBeDiscarded() throws Exception {
        String[] admin = admin();
        String queue = app.get().workers.scan().requestedQueue();
        try (Connection connection = TestServices.get().amqpConnection("workers-admin-test");
                Channel channel = connection.createChannel()) {
            channel.basicPublish(
                    app.get().workers.amqp().exchange(),
                    "scan.requested",
                    null,
                    "not an event".getBytes(StandardCharsets.UTF_8));
        }
        String path = "/api/v1/scan/admin/dead-letters/" + queue;
        Await.until(() -> app.get().http.get(path, admin).json().get("depth").asLong() == 1);
        JsonNode message =
                app.get().http.get(path, admin).json().get("messages").get(0);
        assertThat(message.get("error").asText()).contains("unreadable scan.requested message");
        assertThat(message.get("routing_key").asText()).isEqualTo("scan.requested");
        assertThat(message.get("body").asText()).isEqualTo("not an event");

        TestHttp.Response discarded =
                app.get().http.method("DELETE", path + "/" + message.get("id").asText(), admin);
        assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
        assertThat(app.get().http.get(path, admin).json().get("messages")).isEmpty();
        assertThat(app.get()
                        .http
                        .get("/api/v1/scan/admin/dead-letters/my.rewards", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsGetIn() throws Exception {
        assertThat(app.get().http.get("/api/v1/scan/admin/stats").status()).isEqualTo(401);
        assertThat(app.get()
                        .http
                        .get("/api/v1/scan/admin/stats", app.get().register().auth())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theMergedSpecHoldsEveryServicesAdminEndpoints() {
        JsonNode paths = app.get().http.get("/openapi.json").json().get("paths");
        for (String prefix :
                List.of("/api/v1/auth", "/api/v1/users", "/api/v1/locations", "/api/v1/recycle", "/api/v1/scan")) {
            assertThat(paths.path(prefix + "/admin/stats").has("get"))
                    .as(prefix)
                    .isTrue();
            assertThat(paths.path(prefix + "/admin/dead-letters/{queue}/{id}").has("delete"))
                    .as(prefix)
                    .isTrue();
        }
    }

    private static JsonNode stats(String[] admin) {
        TestHttp.Response r = app.get().http.get("/api/v1/scan/admin/stats", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long count(String table, String column, String where) {
        return app.get()
                .count("SELECT count(*) FROM " + table + " WHERE " + column + " >= " + TODAY
                        + (where.isEmpty() ? "" : " AND " + where));
    }

    /** A user given the admin role in auth.users (there is no API for that), signed in afterwards. */
    private static String[] admin() throws Exception {
        ScanTestApp.User user = app.get().register();
        app.get()
                .db
                .useHandle(h -> h.execute(
                        "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(? AS uuid)",
                        user.id()));
        TestHttp.Response login = app.get()
                .http
                .postJson(
                        "/api/v1/auth/login",
                        TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        return new String[] {
            "Authorization", TestHttp.bearer(login.json().get("access_token").asText())
        };
    }
}
