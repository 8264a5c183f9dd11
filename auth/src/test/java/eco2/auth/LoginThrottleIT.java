package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Five failed sign-ins a minute per IP and per account; the sixth is 429. Also the general limit headers. */
class LoginThrottleIT {
    // The general /api/ limit stays generous here so only the login throttle is under test.
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(() -> AuthTestApp.start(
            AuthTestApp.limits(name -> name.equals("RATE_LIMIT_DEFAULT") ? "1000/60" : null),
            TestServices.get().redisUri()));

    @BeforeEach
    void clearBuckets() {
        TestServices.get().flushRedis();
    }

    @Test
    void theSixthFailureFromOneIpIs429WithRetryAfter() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        for (int i = 0; i < 5; i++) {
            String target = "someone_" + i + "@example.com"; // different accounts: only the IP bucket fills
            assertThat(TestUsers.login(auth.get().http, target, "wrong password")
                            .status())
                    .isEqualTo(401);
        }
        TestHttp.Response sixth = TestUsers.login(auth.get().http, user.email(), TestUsers.PASSWORD);

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void theSixthFailureForOneAccountIs429EvenFromOtherIps() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        for (int i = 0; i < 5; i++) {
            // Each attempt comes through the (trusted, loopback) proxy for a different client.
            assertThat(TestUsers.login(
                                    auth.get().http,
                                    user.username(),
                                    "wrong password",
                                    "X-Forwarded-For",
                                    "203.0.113." + i)
                            .status())
                    .isEqualTo(401);
        }
        TestHttp.Response sixth = TestUsers.login(
                auth.get().http, user.username(), TestUsers.PASSWORD, "X-Forwarded-For", "198.51.100.7");
        assertThat(sixth.status()).isEqualTo(429);
    }

    @Test
    void oneAccountHasOneBucketWhetherNamedByEmailOrUsername() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        for (int i = 0; i < 3; i++) {
            assertThat(TestUsers.login(
                                    auth.get().http,
                                    user.username(),
                                    "wrong password",
                                    "X-Forwarded-For",
                                    "203.0.113.1" + i)
                            .status())
                    .isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(TestUsers.login(
                                    auth.get().http,
                                    user.email(),
                                    "wrong password",
                                    "X-Forwarded-For",
                                    "203.0.113.2" + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(TestUsers.login(
                                auth.get().http,
                                user.email().toUpperCase(java.util.Locale.ROOT).replace("@EXAMPLE.COM", "@example.com"),
                                TestUsers.PASSWORD,
                                "X-Forwarded-For",
                                "198.51.100.9")
                        .status())
                .isIn(401, 429);
        assertThat(TestUsers.login(
                                auth.get().http,
                                user.username(),
                                TestUsers.PASSWORD,
                                "X-Forwarded-For",
                                "198.51.100.10")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void successDoesNotCountAndDoesNotResetTheIpCounter() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String ip = "203.0.113.50";
        for (int i = 0; i < 4; i++) {
            assertThat(TestUsers.login(auth.get().http, "ghost_" + i, "wrong password", "X-Forwarded-For", ip)
                            .status())
                    .isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(TestUsers.login(auth.get().http, user.email(), TestUsers.PASSWORD, "X-Forwarded-For", ip)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(TestUsers.login(auth.get().http, "ghost_x", "wrong password", "X-Forwarded-For", ip)
                        .status())
                .isEqualTo(401);
        assertThat(TestUsers.login(auth.get().http, user.email(), TestUsers.PASSWORD, "X-Forwarded-For", ip)
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aSpoofedForwardedForCannotDodgeTheIpLimit() {
        // The proxy (loopback, trusted) appends the real client 192.0.2.1; the client's own left-most entry is ignored.
        for (int i = 0; i < 5; i++) {
            TestHttp.Response r = TestUsers.login(
                    auth.get().http, "ghost_" + i, "wrong password", "X-Forwarded-For", "10.9.9." + i + ", 192.0.2.1");
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(TestUsers.login(
                                auth.get().http, "ghost_z", "wrong password", "X-Forwarded-For", "10.9.9.99, 192.0.2.1")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return TestUsers.login(auth.get().http, "ghost_" + n, "wrong password", "X-Forwarded-For", "192.0.2.99")
                        .status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) statuses.add(f.get());
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(7);
    }

    @Test
    void apiResponsesCarryRateLimitHeaders() {
        TestHttp.Response r = auth.get().http.get("/api/v1/auth/.well-known/jwks.json");
        assertThat(r.header("RateLimit-Limit")).isEqualTo("1000");
        assertThat(Long.parseLong(r.header("RateLimit-Remaining"))).isBetween(0L, 999L);
        assertThat(r.header("RateLimit-Reset")).isNotNull();
        assertThat(auth.get().http.get("/health").header("RateLimit-Limit")).isNull();
    }
}
