package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.redis.Redis;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.my.points.PointsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** Points through the ledger: the daily check-in (exactly once, even in a race), levels, and the event. */
class PointsIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void aCheckInPaysFiveOnceADay() {
        MyTestApp.User user = my.get().register();
        TestHttp.Response first = checkIn(user);
        TestHttp.Response second = checkIn(user);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("points_earned").asInt()).isEqualTo(5);
        assertThat(first.json().get("points").asLong()).isEqualTo(5);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("conflict");
        assertThat(ledger(user, "check_in")).isEqualTo(1);

        JsonNode points =
                my.get().http.get("/api/v1/users/me/points", user.auth()).json();
        assertThat(points.get("points").asLong()).isEqualTo(5);
        assertThat(points.get("level").asInt()).isEqualTo(1);
        assertThat(points.get("next_level_at").asLong()).isEqualTo(101);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(5);
    }

    @Test
    void thePointsDocumentIsCachedForFiveMinutesAndDroppedByAnAward() {
        MyTestApp.User user = my.get().register();
        TestHttp.Response before = my.get().http.get("/api/v1/users/me/points", user.auth());
        assertThat(before.body()).isEqualTo("{\"points\":0,\"level\":1,\"next_level_at\":101}");
        try (RedisClient redis = Redis.connect(TestServices.get().redisUri())) {
            String key = MyModule.USER_POINTS + user.id();
            assertThat(redis.get(key)).isEqualTo(before.body());
            assertThat(redis.ttl(key)).isBetween(290L, 300L);
            checkIn(user);
            assertThat(redis.exists(key)).isFalse();
        }
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(5);
    }

    @Test
    void eightParallelCheckInsPayExactlyOnce() throws Exception {
        MyTestApp.User user = my.get().register();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return checkIn(user).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) statuses.add(f.get());
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(7);
        assertThat(ledger(user, "check_in")).isEqualTo(1);
        assertThat(balance(user)).isEqualTo(PointsService.CHECK_IN_POINTS);
    }

    @Test
    void crossingALevelRecordsLevelUpAndPublishesTheNewLevel() {
        MyTestApp.User user = my.get().register();
        my.get().http.get("/api/v1/users/me", user.auth());
        // Bring the balance to the edge of level 2 through the ledger, as an award would.
        my.get().db.useHandle(h -> {
            h.execute(
                    "INSERT INTO users.points_ledger (id, user_id, delta, reason, source_event_id) "
                            + "VALUES (?, CAST(? AS uuid), 97, 'recycle', ?)",
                    UUID.randomUUID(),
                    user.id(),
                    UUID.randomUUID());
            h.execute("UPDATE users.profiles SET points = 97 WHERE user_id = CAST(? AS uuid)", user.id());
        });

        TestHttp.Response r = checkIn(user);
        assertThat(r.json().get("points").asLong()).isEqualTo(102);
        assertThat(r.json().get("level").asInt()).isEqualTo(2);
        assertThat(r.json().get("level_up").asBoolean()).isTrue();

        JsonNode level =
                my.get().http.get("/api/v1/users/me/level", user.auth()).json();
        assertThat(level.get("level").asInt()).isEqualTo(2);
        assertThat(level.get("min_points").asLong()).isEqualTo(101);
        assertThat(level.get("max_points").asLong()).isEqualTo(300);
        assertThat(level.get("progress").asDouble()).isBetween(0.0, 0.01);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("level")
                        .asInt())
                .isEqualTo(2);

        List<String> actions = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT action FROM users.activities WHERE user_id = CAST(:id AS uuid) "
                                + "ORDER BY created_at")
                        .bind("id", user.id())
                        .mapTo(String.class)
                        .list());
        assertThat(actions).containsExactly("check_in", "level_up");
        List<String> events = my.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT payload->'data'->>'level' FROM users.outbox WHERE type = 'points.awarded' "
                                        + "AND payload->'data'->>'user_id' = :id")
                        .bind("id", user.id())
                        .mapTo(String.class)
                        .list());
        assertThat(events).containsExactly("2");
    }

    @Test
    void pointsAndLevelNeedAToken() {
        assertThat(my.get().http.get("/api/v1/users/me/points").status()).isEqualTo(401);
        assertThat(my.get().http.get("/api/v1/users/me/level").status()).isEqualTo(401);
        assertThat(my.get().http.method("POST", "/api/v1/users/me/check-in").status())
                .isEqualTo(401);
    }

    private static TestHttp.Response checkIn(MyTestApp.User user) {
        return my.get().http.method("POST", "/api/v1/users/me/check-in", user.auth());
    }

    private static long ledger(MyTestApp.User user, String reason) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.points_ledger "
                                + "WHERE user_id = CAST(:id AS uuid) AND reason = :reason")
                        .bind("id", user.id())
                        .bind("reason", reason)
                        .mapTo(Long.class)
                        .one());
    }

    private static long balance(MyTestApp.User user) {
        Map<String, Object> row = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT points FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapToMap()
                        .one());
        return (Long) row.get("points");
    }
}
