package eco2.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.TcpProxy;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Redis unreachable the panel fails closed: sessions cannot be checked, so every page is an HTML 503. */
class AdminPanelRedisDownIT {
    static TcpProxy proxy;
    static AuthTestApp auth;

    @BeforeAll
    static void start() throws Exception {
        URI redis = URI.create(TestServices.get().redisUri());
        proxy = new TcpProxy(redis.getHost(), redis.getPort());
        auth = AuthTestApp.start(
                "redis://127.0.0.1:" + proxy.port() + redis.getPath(),
                c -> c.withAdmin(AdminSettings.allAt("http://127.0.0.1:1")));
    }

    @AfterAll
    static void stop() throws Exception {
        auth.close();
        proxy.close();
    }

    @Test
    void aSignedInAdminGetsAnHtml503AndSignInIsRefused() throws Exception {
        TestUsers.Session admin = Admins.create(auth);
        PanelClient browser = new PanelClient(auth.http, "Accept-Language", "en");
        assertThat(browser.signIn(admin.email(), TestUsers.PASSWORD).status()).isEqualTo(303);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        String token = browser.csrfOf("/admin");

        proxy.cut();
        try {
            TestHttp.Response page = browser.get("/admin/users");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("A dependency is unavailable");

            TestHttp.Response signIn = browser.post(
                    "/admin/login",
                    java.util.Map.of("_csrf", token, "email", admin.email(), "password", TestUsers.PASSWORD));
            assertThat(signIn.status()).isIn(403, 503); // the login form's token is its own cookie, not this one
            PanelClient fresh = new PanelClient(auth.http);
            assertThat(fresh.signIn(admin.email(), TestUsers.PASSWORD).status()).isEqualTo(503);
        } finally {
            proxy.restore();
        }
    }
}
