package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin role is granted and revoked by the operator command, and reaches the next token issued. */
class AdminCliIT {
    static AuthTestApp auth;
    static Env env;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start();
        DbSettings db = auth.config.db();
        env = new Env(Map.of(
                "DATABASE_URL",
                db.url(),
                "DB_USER",
                db.user(),
                "DB_PASSWORD",
                db.password(),
                "DB_BOOTSTRAP",
                "false",
                "REDIS_URL",
                auth.config.redisUrl()));
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void grantThenRevokeChangesTheRolesOfTheNextToken() {
        TestUsers.Session user = TestUsers.register(auth.http);
        assertThat(run("grant", user.email())).isZero();
        assertThat(run("grant", user.email()))
                .as("granting twice keeps one role")
                .isZero();
        assertThat(rolesAfterLogin(user)).isEqualTo("[\"user\",\"admin\"]");

        String adminToken = TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                .json()
                .get("access_token")
                .asText();
        assertThat(run("revoke", user.email())).isZero();
        assertThat(auth.http
                        .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(adminToken))
                        .status())
                .as("a token that still carries the role is ended")
                .isEqualTo(401);
        assertThat(rolesAfterLogin(user)).isEqualTo("[\"user\"]");
    }

    @Test
    void theEmailIsMatchedIgnoringCase() {
        TestUsers.Session user = TestUsers.register(auth.http);
        assertThat(run("grant", user.email().toUpperCase(java.util.Locale.ROOT)))
                .isZero();
        assertThat(rolesAfterLogin(user)).isEqualTo("[\"user\",\"admin\"]");
    }

    @Test
    void anUnknownEmailOrBadUsageChangesNothing() {
        assertThat(run("grant", "nobody-" + System.nanoTime() + "@example.com")).isEqualTo(1);
        assertThat(AdminCli.run(new String[] {"promote", "a@b.kr"}, env, quiet()))
                .isEqualTo(2);
        assertThat(AdminCli.run(new String[] {"grant"}, env, quiet())).isEqualTo(2);
    }

    private static int run(String command, String email) {
        return AdminCli.run(new String[] {command, email}, env, quiet());
    }

    private static String rolesAfterLogin(TestUsers.Session user) {
        String access = TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                .json()
                .get("access_token")
                .asText();
        return auth.http
                .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(access))
                .json()
                .get("roles")
                .toString();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
