package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.account.User;
import eco2.auth.oauth.OAuthSettings;
import eco2.auth.session.AccessTokenIssuer;
import eco2.common.config.Env;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auth with Redis unreachable, the documented behaviour: general rate limiting fails open (register works),
 * sign-in fails closed (503), protected calls fail closed because revocation cannot be checked (503), provider
 * sign-in and password-reset requests fail closed (no state store, no per-address limit), and /ready says Redis
 * is the problem.
 */
class RedisDownIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(() -> AuthTestApp.start(
            AuthTestApp.limits(name -> null),
            "redis://127.0.0.1:1/0",
            TestServices.get().amqpUri(),
            OAuthSettings.fromEnv(new Env(Map.of("KAKAO_CLIENT_ID", "any-client")))));

    @Test
    void registerStillWorks() {
        String name = TestUsers.uniqueName();
        TestHttp.Response r = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(
                                Map.of("email", name + "@example.com", "username", name, "password", "password123")));
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void loginFailsClosed() {
        TestHttp.Response r = TestUsers.login(auth.get().http, "anyone@example.com", "password123");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("unavailable");
    }

    @Test
    void protectedCallsFailClosed() {
        String token = TokenSecurityIT.class.getName(); // any syntactically bad token is still a 401
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/me", "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(401);
        User someone = new User(UUID.randomUUID(), "a@b.kr", "abc", null, List.of("user"), true, false, Instant.now());
        String valid = new AccessTokenIssuer(auth.get().keys, "eco2-auth", Duration.ofMinutes(5), Clock.systemUTC())
                .issue(someone, UUID.randomUUID());
        TestHttp.Response r = auth.get().http.get("/api/v1/auth/me", "Authorization", "Bearer " + valid);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("unavailable");
    }

    @Test
    void providerSignInFailsClosed() {
        TestHttp.Response r = auth.get().http.get("/api/v1/auth/oauth/kakao");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("unavailable");
    }

    @Test
    void passwordResetRequestsFailClosed() {
        TestHttp.Response r = auth.get()
                .http
                .postJson("/api/v1/auth/reset-password/request", TestHttp.json(Map.of("email", "someone@example.com")));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("Password reset");
    }

    @Test
    void readinessNamesRedis() {
        TestHttp.Response r = auth.get().http.get("/ready");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("redis").doesNotContain("postgres");
        assertThat(auth.get().http.get("/health").status()).isEqualTo(200);
    }
}
