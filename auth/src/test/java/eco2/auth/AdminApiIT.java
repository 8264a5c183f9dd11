package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import eco2.common.admin.AdminCounts;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** auth mounts the shared admin endpoints under /api/v1/auth with its user counts and its user.deleted queue. */
class AdminApiIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    @Test
    void statsCountUsersAndTodaysSignUpsInSeoulAndListTheConsumerQueue() {
        String[] admin = admin();
        TestUsers.register(auth.get().http);
        OffsetDateTime yesterday = AdminCounts.startOfToday(Clock.systemUTC())
                .minus(Duration.ofMinutes(1))
                .atOffset(ZoneOffset.UTC);
        auth.get()
                .db
                .useHandle(h -> h.createUpdate("INSERT INTO auth.users (id, email, username, created_at) "
                                + "VALUES (:id, :email, :username, :at)")
                        .bind("id", UUID.randomUUID())
                        .bind("email", "old-" + System.nanoTime() + "@example.com")
                        .bind("username", "old_" + System.nanoTime() % 1_000_000)
                        .bind("at", yesterday)
                        .execute());

        TestHttp.Response r = auth.get().http.get("/api/v1/auth/admin/stats", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("auth");
        assertThat(stats.get("outbox_backlog").asLong()).isNotNegative();
        assertThat(stats.get("dead_letters")).hasSize(1);
        assertThat(stats.get("dead_letters").get(0).get("queue").asText())
                .isEqualTo(auth.get().config.userDeletedQueue());
        long total = count("SELECT count(*) FROM auth.users");
        assertThat(stats.get("counts").get("users_total").asLong()).isEqualTo(total);
        assertThat(stats.get("counts").get("users_new_today").asLong()).isEqualTo(total - 1);
    }

    @Test
    void aParkedUserDeletedEventCanBeListedAndDiscarded() throws Exception {
        String queue = auth.get().config.userDeletedQueue();
        UUID id = UUID.randomUUID();
        try (Connection connection = TestServices.get().amqpConnection("auth-admin-test");
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue + ".dlq", true, false, false, null);
            channel.basicPublish(
                    "",
                    queue + ".dlq",
                    null,
                    ("{\"id\":\"" + id + "\",\"type\":\"user.deleted\",\"data\":{}}").getBytes(StandardCharsets.UTF_8));
        }
        String[] admin = admin();
        JsonNode page = auth.get()
                .http
                .get("/api/v1/auth/admin/dead-letters/" + queue, admin)
                .json();
        assertThat(page.get("messages").get(0).get("id").asText()).isEqualTo(id.toString());
        assertThat(page.get("messages").get(0).get("type").asText()).isEqualTo("user.deleted");
        assertThat(auth.get()
                        .http
                        .method("DELETE", "/api/v1/auth/admin/dead-letters/" + queue + "/" + id, admin)
                        .status())
                .isEqualTo(204);
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/admin/dead-letters/" + queue, admin)
                        .json()
                        .get("messages"))
                .isEmpty();
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/admin/dead-letters/my.rewards", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsGetIn() {
        assertThat(auth.get().http.get("/api/v1/auth/admin/stats").status()).isEqualTo(401);
        assertThat(auth.get()
                        .http
                        .get(
                                "/api/v1/auth/admin/stats",
                                TestUsers.register(auth.get().http).auth())
                        .status())
                .isEqualTo(403);
    }

    /** A user given the admin role the way the operator command does it, then signed in again. */
    private static String[] admin() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        auth.get()
                .db
                .useHandle(h -> h.execute(
                        "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(? AS uuid)",
                        user.id()));
        String token = TestUsers.login(auth.get().http, user.username(), TestUsers.PASSWORD)
                .json()
                .get("access_token")
                .asText();
        return new String[] {"Authorization", TestHttp.bearer(token)};
    }

    private static long count(String sql) {
        return auth.get()
                .db
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
