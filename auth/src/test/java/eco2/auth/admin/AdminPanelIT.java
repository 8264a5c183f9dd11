package eco2.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.auth.OpaqueTokens;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The admin panel at the HTTP level: redirects for anonymous callers, the session cookie's attributes and lifetimes,
 * CSRF on every form, HTML 403/404 pages, escaping, both languages, sign-out, and deactivation ending a user's
 * access tokens at once. The other services are not running here, so the dashboard shows them as unavailable.
 */
class AdminPanelIT {
    static AuthTestApp auth;
    static TestUsers.Session admin;
    static String redisUrl;

    @BeforeAll
    static void start() throws Exception {
        // Nothing answers on port 1: every other service is "unavailable".
        // Panel sessions live across a test's requests: an index that other runs' flushes do not touch.
        redisUrl = TestServices.get().isolatedRedisUri(12);
        auth = AuthTestApp.start(redisUrl, c -> c.withAdmin(AdminSettings.allAt("http://127.0.0.1:1")));
        admin = Admins.create(auth);
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void anonymousCallersAreSentToSignIn() {
        for (String path : new String[] {"/admin", "/admin/users", "/admin/audit", "/admin/dead-letters"}) {
            TestHttp.Response r = auth.http.get(path);
            assertThat(r.status()).as(path).isEqualTo(303);
            assertThat(r.header("Location")).isEqualTo("/admin/login");
        }
        TestHttp.Response form = auth.http.get("/admin/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    @Test
    void signInSetsAStrictSessionCookieThatIdlesOutIn30Minutes() {
        PanelClient browser = new PanelClient(auth.http);
        TestHttp.Response signedIn = browser.signIn(admin.email(), TestUsers.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/admin");
        String cookie = PanelClient.setCookies(signedIn).stream()
                .filter(c -> c.startsWith(PanelGate.SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("Path=/admin", "HttpOnly", "SameSite=Strict")
                .matches(".*Max-Age=(2879\\d|28800);.*") // 8 hours
                .doesNotContain("Secure"); // dev; production adds it (AdminSettings.secureCookie)

        TestHttp.Response dashboard = browser.get("/admin");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(dashboard.header("Cache-Control")).isEqualTo("no-store");
        assertThat(dashboard.body()).contains("id=\"users-total\"", "응답 없음"); // Korean by default; no service answers

        try (RedisClient redis = RedisClient.create(redisUrl)) {
            String key = PanelSessions.PREFIX
                    + HexFormat.of().formatHex(OpaqueTokens.hash(browser.cookies.get(PanelGate.SESSION_COOKIE)));
            assertThat(redis.pttl(key)).isBetween(29 * 60_000L, 30 * 60_000L);
            assertThat(redis.get(key)).doesNotContain(browser.cookies.get(PanelGate.SESSION_COOKIE));
        }
    }

    @Test
    void aPostWithoutTheSessionsFormTokenIs403AndChangesNothing() {
        TestUsers.Session target = TestUsers.register(auth.http);
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        String path = "/admin/users/" + target.id() + "/deactivate";

        TestHttp.Response none = browser.post(path, Map.of());
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.header("Content-Type")).startsWith("text/html");
        assertThat(browser.post(path, Map.of("_csrf", "forged")).status()).isEqualTo(403);
        PanelClient other = new PanelClient(auth.http);
        other.signIn(admin.email(), TestUsers.PASSWORD);
        assertThat(browser.post(path, Map.of("_csrf", other.csrfOf("/admin/users")))
                        .status())
                .as("another session's token")
                .isEqualTo(403);
        assertThat(active(target.id())).isTrue();

        assertThat(browser.post(path, Map.of("_csrf", browser.csrfOf("/admin/users/" + target.id())))
                        .status())
                .isEqualTo(303);
        assertThat(active(target.id())).isFalse();
    }

    @Test
    void theSignInFormNeedsItsTokenToo() {
        TestHttp.Response r = auth.http.post(
                "/admin/login",
                "application/x-www-form-urlencoded",
                ("email=" + admin.email() + "&password=" + TestUsers.PASSWORD.replace(' ', '+')).getBytes());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(PanelClient.setCookies(r))
                .noneMatch(c -> c.startsWith(PanelGate.SESSION_COOKIE + "=") && c.length() > 40);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndTheThrottleStillApplies() {
        TestUsers.Session user = TestUsers.register(auth.http);
        PanelClient browser = new PanelClient(auth.http);
        TestHttp.Response wrong = browser.signIn(user.email(), "wrong password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("id=\"login-form\"", "id=\"login-error\"");
    }

    @Test
    void theLoginThrottleAppliesToThePanel() {
        TestUsers.Session user = TestUsers.register(auth.http);
        PanelClient browser = new PanelClient(auth.http, "X-Forwarded-For", "10.77.0." + (System.nanoTime() % 200));
        for (int i = 0; i < 5; i++)
            assertThat(browser.signIn(user.email(), "wrong password").status()).isEqualTo(401);
        TestHttp.Response limited = browser.signIn(user.email(), TestUsers.PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("text/html");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void aSignedInNonAdminGetsAnHtml403() {
        TestUsers.Session user = TestUsers.register(auth.http);
        PanelClient browser = new PanelClient(auth.http, "Accept-Language", "en");
        assertThat(browser.signIn(user.username(), TestUsers.PASSWORD).status()).isEqualTo(303);
        for (String path : new String[] {"/admin", "/admin/users", "/admin/audit"}) {
            TestHttp.Response r = browser.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.body()).contains("You do not have access to this page.", "id=\"sign-out\"");
        }
        assertThat(browser.post("/admin/users/" + admin.id() + "/revoke-admin", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aUsernameWithMarkupIsShownEscaped() {
        TestUsers.Session user = TestUsers.register(auth.http);
        String evil = "<script>alert(1)</script>";
        auth.db.useHandle(h -> h.createUpdate("UPDATE auth.users SET username = :u WHERE id = CAST(:id AS uuid)")
                .bind("u", evil)
                .bind("id", user.id())
                .execute());
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        TestHttp.Response list = browser.get("/admin/users?q=script");
        assertThat(list.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(evil);
        TestHttp.Response detail = browser.get("/admin/users/" + user.id());
        assertThat(detail.body()).contains("&lt;script&gt;").doesNotContain(evil);
    }

    @Test
    void errorsUnderAdminAreHtmlPages() {
        PanelClient browser = new PanelClient(auth.http, "Accept-Language", "en");
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        for (String path :
                new String[] {"/admin/nope", "/admin/users/" + UUID.randomUUID(), "/admin/users/not-a-uuid"}) {
            TestHttp.Response r = browser.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.body()).contains("This page does not exist.").doesNotContain("\"success\"");
        }
        assertThat(auth.http.get("/admin/nope/deeper").header("Content-Type")).startsWith("text/html");
        assertThat(auth.http.method("PUT", "/admin").header("Content-Type")).startsWith("text/html");
    }

    @Test
    void pagesFollowAcceptLanguageAndTheSwitchRemembersAChoice() {
        PanelClient korean = new PanelClient(auth.http, "Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5");
        korean.signIn(admin.email(), TestUsers.PASSWORD);
        assertThat(korean.get("/admin").body()).contains("<html lang=\"ko\">", "대시보드");

        PanelClient english = new PanelClient(auth.http, "Accept-Language", "en-US,en;q=0.9");
        english.signIn(admin.email(), TestUsers.PASSWORD);
        assertThat(english.get("/admin").body()).contains("<html lang=\"en\">", "Dashboard");

        TestHttp.Response switched = korean.get("/admin/lang/en?next=%2Fadmin%2Fusers");
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).isEqualTo("/admin/users");
        assertThat(korean.get("/admin/users").body()).contains("<html lang=\"en\">");
        assertThat(korean.get("/admin/lang/ko?next=https://evil.example").header("Location"))
                .isEqualTo("/admin");
        assertThat(korean.get("/admin/lang/ko?next=//evil.example").header("Location"))
                .isEqualTo("/admin");
    }

    @Test
    void deactivatingAUserEndsTheirTokensAtOnceAndIsAudited() {
        TestUsers.Session target = TestUsers.register(auth.http);
        assertThat(auth.http.get("/api/v1/auth/me", target.auth()).status()).isEqualTo(200);
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        String csrf = browser.csrfOf("/admin/users/" + target.id());
        TestHttp.Response done = browser.post("/admin/users/" + target.id() + "/deactivate", Map.of("_csrf", csrf));
        assertThat(done.header("Location")).isEqualTo("/admin/users/" + target.id() + "?notice=deactivated");

        assertThat(auth.http.get("/api/v1/auth/me", target.auth()).status()).isEqualTo(401);
        TestHttp.Response refresh = auth.http.postJson(
                "/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", target.refreshToken())));
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(TestUsers.login(auth.http, target.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);

        String audit = browser.get("/admin/audit").body();
        assertThat(audit).contains("user.deactivate", "user:" + target.id(), admin.email());
        String requestId = auth.db.withHandle(h -> h.createQuery(
                        "SELECT request_id FROM auth.admin_audit WHERE target = :t AND action = 'user.deactivate'")
                .bind("t", "user:" + target.id())
                .mapTo(String.class)
                .one());
        assertThat(requestId).isNotBlank();
        assertThat(audit).contains(requestId);

        // Reactivated, the account signs in again and its new token works.
        browser.post("/admin/users/" + target.id() + "/reactivate", Map.of("_csrf", csrf));
        String fresh = TestUsers.login(auth.http, target.username(), TestUsers.PASSWORD)
                .json()
                .get("access_token")
                .asText();
        assertThat(auth.http
                        .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(fresh))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void grantingAndRevokingAdminFromThePanel() {
        TestUsers.Session target = TestUsers.register(auth.http);
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        String csrf = browser.csrfOf("/admin/users/" + target.id());
        browser.post("/admin/users/" + target.id() + "/grant-admin", Map.of("_csrf", csrf));
        PanelClient promoted = new PanelClient(auth.http);
        promoted.signIn(target.email(), TestUsers.PASSWORD);
        assertThat(promoted.get("/admin").status()).isEqualTo(200);

        browser.post("/admin/users/" + target.id() + "/revoke-admin", Map.of("_csrf", csrf));
        assertThat(promoted.get("/admin").status())
                .as("the role is read on every request")
                .isEqualTo(403);
        assertThat(browser.post("/admin/users/" + admin.id() + "/revoke-admin", Map.of("_csrf", csrf))
                        .status())
                .as("not on oneself")
                .isEqualTo(409);
    }

    @Test
    void signingOutEndsTheSession() {
        PanelClient browser = new PanelClient(auth.http);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        String cookie = browser.cookies.get(PanelGate.SESSION_COOKIE);
        TestHttp.Response out = browser.post("/admin/logout", Map.of("_csrf", browser.csrfOf("/admin")));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/admin/login");
        TestHttp.Response again = auth.http.get("/admin", "Cookie", PanelGate.SESSION_COOKIE + "=" + cookie);
        assertThat(again.status()).isEqualTo(303);
    }

    private static boolean active(String userId) {
        return auth.db.withHandle(h -> h.createQuery("SELECT is_active FROM auth.users WHERE id = CAST(:id AS uuid)")
                .bind("id", userId)
                .mapTo(Boolean.class)
                .one());
    }
}
