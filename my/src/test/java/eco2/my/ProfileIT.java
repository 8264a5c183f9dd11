package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.account.User;
import eco2.auth.session.AccessTokenIssuer;
import eco2.common.redis.Redis;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** Profiles: created by user.registered (or lazily), read through the cache, edited with validation. */
class ProfileIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void registeringCreatesTheProfileThroughTheEvent() throws Exception {
        MyTestApp.User user = my.get().register();
        Await.until(() -> profileRows(user.id()) == 1);

        Map<String, Object> row = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT nickname, points, level, invite_code FROM users.profiles "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapToMap()
                        .one());
        assertThat(row.get("nickname")).isEqualTo(user.username());
        assertThat(row.get("points")).isEqualTo(0L);
        assertThat(row.get("level")).isEqualTo(1);
        assertThat((String) row.get("invite_code")).matches("[2-9A-HJKMNP-Z]{8}");
        long processed = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.processed_events")
                        .mapTo(Long.class)
                        .one());
        assertThat(processed).isPositive();
    }

    @Test
    void meReturnsTheProfileDocumentAndCachesIt() throws Exception {
        MyTestApp.User user = my.get().register();
        TestHttp.Response r = my.get().http.get("/api/v1/users/me", user.auth());

        assertThat(r.status()).isEqualTo(200);
        JsonNode me = r.json();
        assertThat(me.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "user_id",
                        "nickname",
                        "avatar_url",
                        "avatar_status",
                        "bio",
                        "points",
                        "level",
                        "total_scans",
                        "total_recycles",
                        "invite_code",
                        "created_at",
                        "updated_at");
        assertThat(me.get("user_id").asText()).isEqualTo(user.id());
        assertThat(me.get("avatar_url").isNull()).isTrue();
        try (RedisClient redis = Redis.connect(TestServices.get().redisUri())) {
            assertThat(redis.get(MyModule.USER_PROFILE + user.id())).isEqualTo(r.body());
            assertThat(redis.ttl(MyModule.USER_PROFILE + user.id())).isBetween(3500L, 3600L);
        }
    }

    @Test
    void aFirstVisitBeforeTheEventCreatesTheProfileLazilyAndTheLateEventChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String token = new AccessTokenIssuer(my.get().keys, "eco2-auth", Duration.ofMinutes(5), Clock.systemUTC())
                .issue(
                        new User(
                                id,
                                "late@example.com",
                                "late_event",
                                null,
                                List.of("user"),
                                true,
                                false,
                                Instant.now()),
                        UUID.randomUUID());
        TestHttp.Response r = my.get().http.get("/api/v1/users/me", "Authorization", TestHttp.bearer(token));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("nickname").asText()).isEqualTo("late_event");
        String code = r.json().get("invite_code").asText();

        UUID eventId = UUID.randomUUID();
        publishRegistered(eventId, id, "late_event");
        publishRegistered(eventId, id, "late_event"); // redelivered
        Await.until(() -> processed(eventId));
        assertThat(profileRows(id.toString())).isEqualTo(1);
        String codeAfter = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT invite_code FROM users.profiles WHERE user_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(codeAfter).isEqualTo(code);
    }

    @Test
    void patchChangesNicknameAndBioAndRefreshesTheCache() {
        MyTestApp.User user = my.get().register();
        my.get().http.get("/api/v1/users/me", user.auth()); // warm the cache
        TestHttp.Response r = patch(user, "{\"nickname\":\"  민아 \",\"bio\":\"분리수거 열심히\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("nickname").asText()).isEqualTo("민아");
        assertThat(r.json().get("bio").asText()).isEqualTo("분리수거 열심히");
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("nickname")
                        .asText())
                .isEqualTo("민아");
        TestHttp.Response onlyBio = patch(user, "{\"bio\":\"\"}");
        assertThat(onlyBio.json().get("nickname").asText()).isEqualTo("민아");
        assertThat(onlyBio.json().get("bio").asText()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"nickname\":\"a\"}|nickname",
                "{\"nickname\":\"   a   \"}|nickname",
                "{\"nickname\":\"123456789012345678901\"}|nickname",
                "{\"nickname\":\"bad\\u0007bell\"}|nickname",
                "{\"nickname\":5}|nickname",
                "{}|nickname",
                "{\"points\":100000}|points",
                "{\"nickname\":\"ok name\",\"level\":5}|level",
                "{\"invite_code\":\"MINE\"}|invite_code",
            })
    void badChangesAre422NamingTheFieldAndChangeNothing(String caseLine) {
        MyTestApp.User user = my.get().register();
        String before = my.get().http.get("/api/v1/users/me", user.auth()).body();
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = patch(user, parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[1]);
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).body()).isEqualTo(before);
    }

    @Test
    void aTooLongBioIs422() {
        MyTestApp.User user = my.get().register();
        TestHttp.Response r = patch(user, TestHttp.json(Map.of("bio", "가".repeat(301))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(patch(user, TestHttp.json(Map.of("bio", "가".repeat(300)))).status())
                .isEqualTo(200);
    }

    @Test
    void malformedBodiesAndMissingTokensAreRefused() {
        MyTestApp.User user = my.get().register();
        assertThat(patch(user, "{\"nickname\": ").status()).isEqualTo(400);
        assertThat(my.get().http.get("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", "Authorization", "Bearer nope")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void bothRoutesAreDocumented() {
        JsonNode spec = my.get().http.get("/openapi.json").json();
        assertThat(spec.path("paths").path("/api/v1/users/me").has("get")).isTrue();
        assertThat(spec.path("paths").path("/api/v1/users/me").has("patch")).isTrue();
        assertThat(spec.path("components")
                        .path("schemas")
                        .path("Profile")
                        .path("properties")
                        .has("invite_code"))
                .isTrue();
    }

    private static TestHttp.Response patch(MyTestApp.User user, String body) {
        return my.get()
                .http
                .send(
                        "PATCH",
                        "/api/v1/users/me",
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        user.auth());
    }

    private static long profileRows(String id) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean processed(UUID eventId) {
        return my.get()
                        .db
                        .withHandle(
                                h -> h.createQuery("SELECT count(*) FROM users.processed_events WHERE event_id = :id")
                                        .bind("id", eventId)
                                        .mapTo(Long.class)
                                        .one())
                == 1;
    }

    private static void publishRegistered(UUID eventId, UUID userId, String username) throws Exception {
        my.get().publish(eventId, "user.registered", Map.of("user_id", userId.toString(), "username", username));
    }
}
