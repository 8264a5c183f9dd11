package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** Register and "who am I", with every bad input. */
class AccountIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    @Test
    void registerStoresANormalisedAccountAndAnArgon2Hash() {
        String name = TestUsers.uniqueName();
        TestHttp.Response r = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(Map.of(
                                "email",
                                "  " + name + "@MAIL.Example.com ",
                                "username",
                                name,
                                "password",
                                "password123")));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/auth/me");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = r.json();
        assertThat(body.get("email").asText()).isEqualTo(name + "@mail.example.com");
        assertThat(body.get("username").asText()).isEqualTo(name);
        assertThat(body.get("is_verified").asBoolean()).isFalse();
        assertThat(body.has("created_at")).isTrue();
        assertThat(body.has("password_hash")).isFalse();

        Map<String, Object> row = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT email, password_hash, roles::text AS roles FROM auth.users WHERE id = :id")
                        .bind("id", UUID.fromString(body.get("id").asText()))
                        .mapToMap()
                        .one());
        assertThat(row.get("email")).isEqualTo(name + "@mail.example.com");
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$").doesNotContain("password123");
        assertThat(row.get("roles")).isEqualTo("{user}");
    }

    @Test
    void duplicateEmailOrUsernameIs409AndNothingIsWritten() {
        TestUsers.Session first = TestUsers.register(auth.get().http);
        String sameAddressOtherDomainCase = first.email().replace("@example.com", "@EXAMPLE.com");
        TestHttp.Response sameEmail = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(Map.of(
                                "email",
                                sameAddressOtherDomainCase,
                                "username",
                                TestUsers.uniqueName(),
                                "password",
                                "password123")));
        TestHttp.Response sameName = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(Map.of(
                                "email",
                                TestUsers.uniqueName() + "@example.com",
                                "username",
                                first.username(),
                                "password",
                                "password123")));

        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.json().get("code").asText()).isEqualTo("conflict");
        assertThat(sameEmail.json().get("message").asText()).isEqualTo("Email is already registered");
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().get("message").asText()).isEqualTo("Username is already taken");
        int rows = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM auth.users WHERE lower(email) = lower(:email) OR username = "
                                        + ":username")
                        .bind("email", first.email())
                        .bind("username", first.username())
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).as("only the first account exists").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":\"not-an-email\",\"username\":\"okname\",\"password\":\"password123\"}|email",
                "{\"email\":\"a@b.kr\",\"username\":\"Bad Name\",\"password\":\"password123\"}|username",
                "{\"email\":\"a@b.kr\",\"username\":\"ab\",\"password\":\"password123\"}|username",
                "{\"email\":\"a@b.kr\",\"username\":\"okname\",\"password\":\"short\"}|password",
                "{\"email\":\"a@b.kr\",\"username\":\"okname\"}|password",
                "{\"email\":\"a@b.kr\",\"username\":\"okname\",\"password\":\"password123\",\"roles\":[\"admin\"]}|roles",
                "{\"email\":\"a@b.kr\",\"username\":\"okname\",\"password\":\"password123\",\"is_verified\":true}|is_verified",
                "{\"email\":123,\"username\":\"okname\",\"password\":\"password123\"}|email",
                "{\"email\":\"a@b.kr\",\"username\":[\"x\"],\"password\":\"password123\"}|username",
            })
    void badRegistrationsAre422NamingTheField(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = auth.get().http.postJson("/api/v1/auth/register", parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[1]);
        assertThat(r.json().get("request_id").asText()).isNotBlank();
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        TestHttp.Response r = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        "{\"email\":\"x\",\"username\":\"A\",\"password\":\"1\",\"points\":5}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("points");
    }

    @Test
    void passwordLengthIsCountedInCharactersUpTo128() {
        String name = TestUsers.uniqueName();
        TestHttp.Response tooLong = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(
                                Map.of("email", name + "@example.com", "username", name, "password", "비".repeat(129))));
        TestHttp.Response longest = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(
                                Map.of("email", name + "@example.com", "username", name, "password", "비".repeat(128))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void malformedJsonWrongContentTypeAndOversizedBodies() {
        TestHttp.Response malformed = auth.get().http.postJson("/api/v1/auth/register", "{\"email\": ");
        TestHttp.Response notJson = auth.get().http.post("/api/v1/auth/register", "text/plain", "hello".getBytes());
        TestHttp.Response array = auth.get().http.postJson("/api/v1/auth/register", "[]");
        TestHttp.Response huge = auth.get()
                .http
                .postJson("/api/v1/auth/register", "{\"email\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("bad_request");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(array.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void meAnswersFromTheDatabaseThenFromTheCache() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        TestHttp.Response first = auth.get().http.get("/api/v1/auth/me", user.auth());

        assertThat(first.status()).isEqualTo(200);
        JsonNode me = first.json();
        assertThat(me.get("id").asText()).isEqualTo(user.id());
        assertThat(me.get("username").asText()).isEqualTo(user.username());
        assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(me.get("is_active").asBoolean()).isTrue();
        assertThat(me.get("is_verified").asBoolean()).isFalse();

        try (RedisClient redis =
                eco2.common.redis.Redis.connect(TestServices.get().redisUri())) {
            String key = AuthModule.USER_INFO + user.id();
            assertThat(redis.get(key)).contains(user.username());
            assertThat(redis.ttl(key)).isBetween(1L, 300L);
            // Prove the second read is served from Redis: change the cached copy, not the row.
            redis.set(
                    key,
                    redis.get(key).replace(user.username(), "from_cache"),
                    SetParams.setParams().ex(300));
        }
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/me", user.auth())
                        .json()
                        .get("username")
                        .asText())
                .isEqualTo("from_cache");
    }

    @Test
    void meWithoutATokenIs401() {
        TestHttp.Response r = auth.get().http.get("/api/v1/auth/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
        assertThat(r.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void jwksPublishesTheSigningKey() {
        TestHttp.Response r = auth.get().http.get("/api/v1/auth/.well-known/jwks.json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode key = r.json().get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("kid").asText()).isEqualTo(auth.get().keys.signingKid());
        assertThat(key.has("d")).isFalse();
    }
}
