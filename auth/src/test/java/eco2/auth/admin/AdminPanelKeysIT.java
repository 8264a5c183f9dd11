package eco2.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.security.ApiKeyFormat;
import eco2.common.security.ApiKeyRecord;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The panel's API-key pages and actions (API.md "Admin panel"): a user's entitlement and keys on their page, setting
 * the entitlement, the keys list by tier, revoking one key, and deactivation ending every key at once. What every
 * service sees is the key's record in Redis ({@code apikey:{prefix}}), asserted here; that services refuse a
 * tombstoned key within a second is info's CrossServiceKeysIT.
 */
class AdminPanelKeysIT {
    static AuthTestApp auth;
    static TestUsers.Session admin;

    @BeforeAll
    static void start() throws Exception {
        String redisUrl = TestServices.get().isolatedRedisUri(7);
        auth = AuthTestApp.start(redisUrl, c -> c.withAdmin(AdminSettings.allAt("http://127.0.0.1:1")));
        admin = Admins.create(auth);
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void settingTheEntitlementLetsTheUserCreateHigherTierKeysAndIsAudited() {
        TestUsers.Session user = TestUsers.register(auth.http);
        assertThat(createKey(user, "pro").status()).isEqualTo(403);
        PanelClient browser = signedIn();
        String page = "/admin/users/" + user.id();
        assertThat(browser.get(page).body()).contains("id=\"user-entitlement\"", ">free<");

        TestHttp.Response set =
                browser.post(page + "/entitlement", Map.of("_csrf", browser.csrfOf(page), "tier", "enterprise"));

        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("Location")).isEqualTo(page + "?notice=entitled");
        assertThat(entitlement(user.id())).isEqualTo("enterprise");
        assertThat(createKey(user, "enterprise").status()).isEqualTo(201);
        assertThat(auditCount("user.entitlement", "user:" + user.id())).isEqualTo(1);
    }

    @Test
    void anUnknownTierIsRefusedAndChangesNothing() {
        TestUsers.Session user = TestUsers.register(auth.http);
        PanelClient browser = signedIn();
        String page = "/admin/users/" + user.id();
        for (String tier : new String[] {"platinum", "", "PRO "}) {
            TestHttp.Response r =
                    browser.post(page + "/entitlement", Map.of("_csrf", browser.csrfOf(page), "tier", tier));
            assertThat(r.status()).as(tier).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("text/html");
        }
        assertThat(browser.post(page + "/entitlement", Map.of("tier", "pro")).status())
                .as("without the form token")
                .isEqualTo(403);
        assertThat(entitlement(user.id())).isEqualTo("free");
        assertThat(browser.post(
                                "/admin/users/" + UUID.randomUUID() + "/entitlement",
                                Map.of("_csrf", browser.csrfOf(page), "tier", "pro"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theKeysPageListsLiveKeysByTierAndRevokesOne() {
        TestUsers.Session user = TestUsers.register(auth.http);
        setEntitlement(user.id(), "pro");
        JsonNode pro = createKey(user, "pro").json();
        JsonNode free = createKey(user, "free").json();
        PanelClient browser = signedIn();

        String proPage = browser.get("/admin/api-keys?tier=pro").body();
        assertThat(proPage)
                .contains(pro.get("prefix").asText())
                .doesNotContain(free.get("prefix").asText());
        assertThat(proPage).doesNotContain(pro.get("key").asText());
        assertThat(browser.get("/admin/api-keys").body())
                .contains(free.get("prefix").asText());
        assertThat(browser.get("/admin/users/" + user.id()).body())
                .contains(pro.get("prefix").asText(), free.get("prefix").asText());

        TestHttp.Response revoked = browser.post(
                "/admin/api-keys/" + pro.get("id").asText() + "/revoke",
                Map.of("_csrf", browser.csrfOf("/admin/api-keys")));

        assertThat(revoked.status()).isEqualTo(303);
        assertThat(revoked.header("Location")).isEqualTo("/admin/api-keys?notice=key_revoked");
        assertThat(record(pro)).as("a tombstone every service reads").doesNotStartWith("ok|");
        assertThat(record(free)).startsWith("ok|");
        assertThat(revokedAt(pro)).isTrue();
        assertThat(revokedAt(free)).isFalse();
        assertThat(browser.get("/admin/api-keys?tier=pro").body())
                .doesNotContain(pro.get("prefix").asText());
        assertThat(auditCount("api_key.revoke", "api_key:" + pro.get("id").asText()))
                .isEqualTo(1);
    }

    @Test
    void revokingFromTheUsersPageReturnsThere() {
        TestUsers.Session user = TestUsers.register(auth.http);
        JsonNode key = createKey(user, "free").json();
        PanelClient browser = signedIn();
        String page = "/admin/users/" + user.id();

        TestHttp.Response revoked = browser.post(
                "/admin/api-keys/" + key.get("id").asText() + "/revoke",
                Map.of("_csrf", browser.csrfOf(page), "from", "user"));

        assertThat(revoked.header("Location")).isEqualTo(page + "?notice=key_revoked");
        assertThat(revokedAt(key)).isTrue();
        assertThat(browser.post(
                                "/admin/api-keys/" + UUID.randomUUID() + "/revoke",
                                Map.of("_csrf", browser.csrfOf(page)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deactivationEndsEveryKeyOfTheAccountAndNoOneElses() {
        TestUsers.Session user = TestUsers.register(auth.http);
        TestUsers.Session bystander = TestUsers.register(auth.http);
        JsonNode first = createKey(user, "free").json();
        JsonNode second = createKey(user, "free").json();
        JsonNode theirs = createKey(bystander, "free").json();
        PanelClient browser = signedIn();
        String page = "/admin/users/" + user.id();

        browser.post(page + "/deactivate", Map.of("_csrf", browser.csrfOf(page)));

        assertThat(record(first)).doesNotStartWith("ok|");
        assertThat(record(second)).doesNotStartWith("ok|");
        assertThat(revokedAt(first)).isTrue();
        assertThat(revokedAt(second)).isTrue();
        assertThat(record(theirs)).startsWith("ok|");
        assertThat(revokedAt(theirs)).isFalse();
    }

    private static PanelClient signedIn() {
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        return browser;
    }

    private static TestHttp.Response createKey(TestUsers.Session user, String tier) {
        return auth.http.postJson(
                "/api/v1/auth/api-keys", TestHttp.json(Map.of("name", "kiosk", "tier", tier)), user.auth());
    }

    private static String record(JsonNode created) {
        String prefix = ApiKeyFormat.parse(created.get("key").asText()).prefix();
        return auth.infra.redis().get(ApiKeyRecord.redisKey(prefix));
    }

    private static boolean revokedAt(JsonNode created) {
        return auth.db.withHandle(h -> h.createQuery("SELECT revoked_at IS NOT NULL FROM auth.api_keys WHERE id = :id")
                .bind("id", UUID.fromString(created.get("id").asText()))
                .mapTo(Boolean.class)
                .one());
    }

    private static String entitlement(String userId) {
        return auth.db.withHandle(
                h -> h.createQuery("SELECT api_key_entitlement FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(String.class)
                        .one());
    }

    private static void setEntitlement(String userId, String tier) {
        auth.db.useHandle(
                h -> h.createUpdate("UPDATE auth.users SET api_key_entitlement = :t WHERE id = CAST(:id AS uuid)")
                        .bind("t", tier)
                        .bind("id", userId)
                        .execute());
    }

    private static int auditCount(String action, String target) {
        return auth.db.withHandle(
                h -> h.createQuery("SELECT count(*) FROM auth.admin_audit WHERE action = :a AND target = :t")
                        .bind("a", action)
                        .bind("t", target)
                        .mapTo(Integer.class)
                        .one());
    }
}
