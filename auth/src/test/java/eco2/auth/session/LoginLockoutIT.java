package eco2.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Strangers cannot lock an owner out: the per-account throttle counts only failures from IPs that have never
 * signed in to the account, while every IP keeps its own five failures a minute.
 */
class LoginLockoutIT {
    static final String OWNER_IP = "198.51.100.20";

    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(() -> AuthTestApp.start(
            AuthTestApp.limits(name -> name.equals("RATE_LIMIT_DEFAULT") ? "1000/60" : null),
            TestServices.get().redisUri()));

    @BeforeEach
    void clearBuckets() {
        TestServices.get().flushRedis();
    }

    @Test
    void strangersFillTheAccountBucketButTheOwnersKnownIpStillSignsIn() {
        TestUsers.Session owner = TestUsers.register(auth.get().http);
        assertThat(login(owner.username(), TestUsers.PASSWORD, OWNER_IP).status())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(login(owner.username(), "wrong password", "203.0.113." + (60 + i))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(login(owner.username(), "wrong password", "203.0.113.70").status())
                .as("a sixth stranger is still throttled")
                .isEqualTo(429);
        assertThat(login(owner.email(), TestUsers.PASSWORD, "203.0.113.71").status())
                .as("so is the owner on an IP never used before")
                .isEqualTo(429);

        TestHttp.Response home = login(owner.username(), TestUsers.PASSWORD, OWNER_IP);
        assertThat(home.status()).as(home.body()).isEqualTo(200);
    }

    @Test
    void failuresFromAKnownIpCountOnlyAgainstThatIp() {
        TestUsers.Session owner = TestUsers.register(auth.get().http);
        assertThat(login(owner.username(), TestUsers.PASSWORD, OWNER_IP).status())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(login(owner.username(), "wrong password", OWNER_IP).status())
                    .isEqualTo(401);
        }
        assertThat(login(owner.username(), "wrong password", OWNER_IP).status())
                .as("the IP's own bucket still applies")
                .isEqualTo(429);
        assertThat(login(owner.username(), "wrong password", "203.0.113.80").status())
                .as("the account bucket was not touched")
                .isEqualTo(401);
    }

    private static TestHttp.Response login(String name, String password, String ip) {
        return TestUsers.login(auth.get().http, name, password, "X-Forwarded-For", ip);
    }
}
