package eco2.auth.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.security.ApiKeyFormat;
import eco2.common.security.ApiKeyLookup;
import eco2.common.security.ApiKeyRecord;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key lifecycle at auth (API.md "API keys and tiers"): the key shown once and stored only as its SHA-256 and
 * prefix, tiers up to the account's entitlement (403 above), at most 10 active keys (409), validation, other
 * users' keys (404), revocation and the internal lookup. Using keys at another service: info's CrossServiceKeysIT.
 */
class ApiKeysIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    private static TestHttp.Response create(TestUsers.Session user, Map<String, Object> body) {
        return auth.get().http.postJson("/api/v1/auth/api-keys", TestHttp.json(body), user.auth());
    }

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsItsHashAndPrefix() {
        TestUsers.Session user = TestUsers.register(auth.get().http);

        TestHttp.Response r = create(user, Map.of("name", " kiosk "));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode key = r.json();
        assertThat(r.header("Location"))
                .isEqualTo("/api/v1/auth/api-keys/" + key.get("id").asText());
        assertThat(key.get("name").asText()).isEqualTo("kiosk");
        assertThat(key.get("tier").asText()).isEqualTo("free");
        String secret = key.get("key").asText();
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(secret);
        assertThat(parsed).as("a well-formed key with a correct checksum").isNotNull();
        assertThat(key.get("prefix").asText()).isEqualTo(parsed.prefix()).matches("eco2_[0-9A-Za-z]{8}");

        JsonNode listed =
                auth.get().http.get("/api/v1/auth/api-keys", user.auth()).json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(listed.get(0).get("prefix").asText()).isEqualTo(parsed.prefix());
        assertThat(listed.get(0).get("revoked_at").isNull()).isTrue();
        String stored = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT encode(key_hash, 'hex') || '|' || prefix FROM auth.api_keys WHERE id = :id")
                        .bind("id", UUID.fromString(key.get("id").asText()))
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo(parsed.sha256() + "|" + parsed.prefix()).doesNotContain(secret);
        assertThat(auth.get().infra.redis().get(ApiKeyRecord.redisKey(parsed.prefix())))
                .as("written for every service to find")
                .startsWith("ok|" + parsed.sha256() + "|free|");
    }

    @Test
    void aTierAboveTheEntitlementIs403UntilAnAdminRaisesIt() {
        TestUsers.Session user = TestUsers.register(auth.get().http);

        TestHttp.Response pro = create(user, Map.of("name", "city app", "tier", "pro"));
        assertThat(pro.status()).isEqualTo(403);
        assertThat(pro.json().get("code").asText()).isEqualTo("forbidden");

        auth.get()
                .db
                .useHandle(h -> h.createUpdate(
                                "UPDATE auth.users SET api_key_entitlement = 'pro' WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .execute());
        assertThat(create(user, Map.of("name", "city app", "tier", "pro")).status())
                .isEqualTo(201);
        assertThat(create(user, Map.of("name", "city app", "tier", "enterprise"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void atMostTenActiveKeysAnAccount() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String first = null;
        for (int i = 0; i < 10; i++) {
            TestHttp.Response r = create(user, Map.of("name", "k" + i));
            assertThat(r.status()).isEqualTo(201);
            if (first == null) first = r.json().get("id").asText();
        }

        TestHttp.Response eleventh = create(user, Map.of("name", "k10"));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.json().get("code").asText()).isEqualTo("conflict");

        assertThat(auth.get()
                        .http
                        .method("DELETE", "/api/v1/auth/api-keys/" + first, user.auth())
                        .status())
                .isEqualTo(204);
        assertThat(create(user, Map.of("name", "k10")).status())
                .as("a revoked key frees a place")
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"k\",\"tier\":\"gold\"}", "{\"name\":\"k\",\"key\":\"x\"}"})
    void badBodiesAre422(String body) {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        TestHttp.Response r = auth.get().http.postJson("/api/v1/auth/api-keys", body, user.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 169})
    void aGraceOutside0To168Is422(int hours) {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String id = create(user, Map.of("name", "k")).json().get("id").asText();
        TestHttp.Response r = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/api-keys/" + id + "/rotate",
                        TestHttp.json(Map.of("grace_hours", hours)),
                        user.auth());
        assertThat(r.status()).isEqualTo(422);
    }

    @Test
    void anotherUsersKeyIs404AndARevokedKeyCannotBeRotated() {
        TestUsers.Session owner = TestUsers.register(auth.get().http);
        TestUsers.Session other = TestUsers.register(auth.get().http);
        String id = create(owner, Map.of("name", "k")).json().get("id").asText();

        for (TestHttp.Response r : new TestHttp.Response[] {
            auth.get().http.method("DELETE", "/api/v1/auth/api-keys/" + id, other.auth()),
            auth.get().http.postJson("/api/v1/auth/api-keys/" + id + "/rotate", "{}", other.auth()),
            auth.get().http.get("/api/v1/auth/api-keys/" + id + "/usage", other.auth()),
            auth.get().http.get("/api/v1/auth/api-keys/not-a-uuid/usage", other.auth())
        }) {
            assertThat(r.status()).isEqualTo(404);
        }
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/api-keys", other.auth())
                        .json()
                        .get("items"))
                .isEmpty();

        assertThat(auth.get()
                        .http
                        .method("DELETE", "/api/v1/auth/api-keys/" + id, owner.auth())
                        .status())
                .isEqualTo(204);
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/api-keys", owner.auth())
                        .json()
                        .get("items")
                        .get(0)
                        .get("revoked_at")
                        .isNull())
                .isFalse();
        assertThat(auth.get()
                        .http
                        .postJson("/api/v1/auth/api-keys/" + id + "/rotate", "", owner.auth())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void keysNeedASignedInUser() {
        assertThat(auth.get().http.get("/api/v1/auth/api-keys").status()).isEqualTo(401);
        assertThat(auth.get()
                        .http
                        .postJson("/api/v1/auth/api-keys", "{\"name\":\"k\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theInternalLookupJudgesTheKeyAndFillsRedis() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        JsonNode key = create(user, Map.of("name", "k")).json();
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(key.get("key").asText());
        auth.get().infra.redis().del(ApiKeyRecord.redisKey(parsed.prefix()));

        TestHttp.Response valid = auth.get()
                .http
                .postJson(
                        ApiKeyLookup.PATH,
                        TestHttp.json(Map.of("prefix", parsed.prefix(), "key_sha256", parsed.sha256())));
        TestHttp.Response wrong = auth.get()
                .http
                .postJson(
                        ApiKeyLookup.PATH,
                        TestHttp.json(Map.of(
                                "prefix",
                                parsed.prefix(),
                                "key_sha256",
                                HexFormat.of().formatHex(new byte[32]))));

        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(wrong.json().get("valid").asBoolean()).isFalse();
        assertThat(auth.get().infra.redis().get(ApiKeyRecord.redisKey(parsed.prefix())))
                .startsWith("ok|");
    }
}
