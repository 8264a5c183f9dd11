package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.redis.Redis;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.my.leaderboard.Week;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** The weekly board: order, the caller's rank, live increments, rebuild from the ledger, deleted users. */
class LeaderboardIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(TestServices.get().redisUri());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void orderRankIncrementsRebuildAndDeletion() {
        MyTestApp.User alice = my.get().register();
        MyTestApp.User bob = my.get().register();
        MyTestApp.User carol = my.get().register();
        MyTestApp.User dave = my.get().register();
        award(alice, 50);
        award(carol, 10);
        checkIn(bob);

        JsonNode board = board(bob, "");
        assertThat(ids(board)).containsExactly(alice.id(), carol.id(), bob.id());
        assertThat(board.get("items").get(0).get("points").asLong()).isEqualTo(50);
        assertThat(board.get("items").get(0).get("nickname").asText()).isEqualTo(alice.username());
        assertThat(board.get("items").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(board.get("me").get("rank").asInt()).isEqualTo(3);
        assertThat(board.get("me").get("points").asLong()).isEqualTo(5);
        assertThat(board(dave, "").get("me").get("rank").isNull()).isTrue();

        String key = Week.of(Instant.now()).key();
        assertThat(redis.ttl(key)).isGreaterThan(8L * 24 * 3600);

        checkIn(carol); // live increment on the existing board: carol 15 > bob 5
        assertThat(board(bob, "?limit=2").get("items").get(1).get("points").asLong())
                .isEqualTo(15);

        redis.del(key); // Redis lost the board: the next read rebuilds it from the ledger
        JsonNode rebuilt = board(bob, "?period=weekly&limit=10");
        assertThat(ids(rebuilt)).containsExactly(alice.id(), carol.id(), bob.id());
        assertThat(rebuilt.get("items").get(1).get("points").asLong()).isEqualTo(15);

        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", alice.auth())
                        .status())
                .isEqualTo(204);
        assertThat(ids(board(bob, ""))).containsExactly(carol.id(), bob.id());
        redis.del(key);
        assertThat(ids(board(bob, ""))).as("a rebuild leaves deleted users out").containsExactly(carol.id(), bob.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?period=monthly|period", "?limit=0|limit", "?limit=101|limit", "?limit=x|limit"})
    void badParametersAre422(String caseLine) {
        MyTestApp.User user = my.get().register();
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = my.get().http.get("/api/v1/users/leaderboard" + parts[0], user.auth());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(parts[1]);
    }

    @Test
    void theBoardNeedsAToken() {
        assertThat(my.get().http.get("/api/v1/users/leaderboard").status()).isEqualTo(401);
    }

    private static JsonNode board(MyTestApp.User user, String query) {
        TestHttp.Response r = my.get().http.get("/api/v1/users/leaderboard" + query, user.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.get("items").forEach(item -> ids.add(item.get("user_id").asText()));
        return ids;
    }

    private static void checkIn(MyTestApp.User user) {
        assertThat(my.get()
                        .http
                        .method("POST", "/api/v1/users/me/check-in", user.auth())
                        .status())
                .isEqualTo(200);
    }

    /** Points as an event award would pay them: a ledger entry and the balance (before any board exists). */
    private static void award(MyTestApp.User user, int points) {
        my.get().http.get("/api/v1/users/me", user.auth());
        my.get().db.useHandle(h -> {
            h.execute(
                    "INSERT INTO users.points_ledger (id, user_id, delta, reason, source_event_id) "
                            + "VALUES (?, CAST(? AS uuid), ?, 'recycle', ?)",
                    UUID.randomUUID(),
                    user.id(),
                    points,
                    UUID.randomUUID());
            h.execute(
                    "UPDATE users.profiles SET points = points + ? WHERE user_id = CAST(? AS uuid)", points, user.id());
        });
    }
}
