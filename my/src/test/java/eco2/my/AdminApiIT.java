package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * my mounts the shared admin endpoints under /api/v1/users with profiles_total and its three queues; a reward event
 * that breaks the contract is listed, and a replay goes back through the rewards consumer (which parks it again).
 */
class AdminApiIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(
            () -> MyTestApp.startWithRewardsRetries(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));

    @Test
    void statsListMyQueuesAndCountProfilesThatAreNotDeleted() throws Exception {
        String[] admin = admin();
        my.get().register();
        // Profiles follow user.registered; wait until every account has one.
        Await.until(() -> count("SELECT count(*) FROM users.profiles") == count("SELECT count(*) FROM auth.users"));
        my.get()
                .db
                .useHandle(h -> h.execute(
                        "INSERT INTO users.profiles (user_id, nickname, invite_code, deleted_at) "
                                + "VALUES (?, 'gone', ?, now())",
                        UUID.randomUUID(),
                        UUID.randomUUID().toString().substring(0, 8)));

        TestHttp.Response r = my.get().http.get("/api/v1/users/admin/stats", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("my");
        List<String> queues = new ArrayList<>();
        stats.get("dead_letters").forEach(q -> queues.add(q.get("queue").asText()));
        assertThat(queues).containsExactlyElementsOf(my.get().myQueues());
        assertThat(stats.get("outbox_backlog").asLong()).isNotNegative();
        assertThat(stats.get("counts").get("profiles_total").asLong())
                .isEqualTo(count("SELECT count(*) FROM users.profiles WHERE deleted_at IS NULL"))
                .isEqualTo(count("SELECT count(*) FROM users.profiles") - 1);
    }

    @Test
    void aBrokenRewardEventIsListedAndAReplayGoesThroughTheRewardsConsumerAgain() throws Exception {
        String[] admin = admin();
        String rewards = my.get().myQueues().get(1);
        UUID bad = UUID.randomUUID();
        my.get()
                .publish(
                        bad,
                        "scan.completed",
                        Map.of("task_id", UUID.randomUUID().toString(), "paying", true));
        JsonNode parked = awaitParked(rewards, bad, admin);
        assertThat(parked.get("type").asText()).isEqualTo("scan.completed");
        assertThat(parked.get("routing_key").asText()).isEqualTo("scan.completed");
        assertThat(parked.get("attempts").asInt())
                .as("data that breaks the contract is parked at once, not retried")
                .isEqualTo(1);
        assertThat(parked.get("error").asText()).contains("scan.completed");

        TestHttp.Response replayed = my.get()
                .http
                .method("POST", "/api/v1/users/admin/dead-letters/" + rewards + "/" + bad + "/replay", admin);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(204);
        JsonNode again = awaitParked(rewards, bad, admin);
        assertThat(again.get("routing_key").asText())
                .as("the original routing key survives the replay")
                .isEqualTo("scan.completed");
        assertThat(my.get().processed(bad)).isFalse();

        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/admin/dead-letters/" + rewards + "/" + bad, admin)
                        .status())
                .isEqualTo(204);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/admin/dead-letters/auth.user-deleted", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsGetIn() {
        assertThat(my.get().http.get("/api/v1/users/admin/stats").status()).isEqualTo(401);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/admin/stats", my.get().register().auth())
                        .status())
                .isEqualTo(403);
    }

    /** The message with this id in the queue's dead letters, once it is there (a replay takes it out for a while). */
    private static JsonNode awaitParked(String queue, UUID id, String[] admin) throws Exception {
        JsonNode[] found = new JsonNode[1];
        Await.until(() -> {
            for (JsonNode m : my.get()
                    .http
                    .get("/api/v1/users/admin/dead-letters/" + queue, admin)
                    .json()
                    .get("messages")) {
                if (m.get("id").asText().equals(id.toString())) found[0] = m;
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** A user given the admin role in auth.users (there is no API for that), signed in afterwards. */
    private static String[] admin() {
        MyTestApp.User user = my.get().register();
        my.get()
                .db
                .useHandle(h -> h.execute(
                        "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(? AS uuid)",
                        user.id()));
        TestHttp.Response login = my.get()
                .authHttp
                .postJson(
                        "/api/v1/auth/login",
                        TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        return new String[] {
            "Authorization", TestHttp.bearer(login.json().get("access_token").asText())
        };
    }

    private static long count(String sql) {
        return my.get().db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
