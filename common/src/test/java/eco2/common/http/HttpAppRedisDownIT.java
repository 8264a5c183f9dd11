package eco2.common.http;

import static eco2.common.http.HttpAppIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Redis unreachable: fail-open limits let anonymous traffic through; auth and fail-closed limits answer 503. */
class HttpAppRedisDownIT {
    // Nothing listens on port 1, so every Redis call is refused at once.
    private static final String DEAD_REDIS = "redis://127.0.0.1:1";

    private static TestApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(DEAD_REDIS);
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFailOpenPolicyLetsAnonymousRequestsThrough() {
        for (int i = 0; i < 5; i++) {
            Response r = http.get("/api/ping");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("pong").asBoolean()).isTrue();
        }
    }

    @Test
    void aFailClosedPolicyAnswers503() {
        envelope(http.get("/api/strict/ping"), 503, "unavailable");
    }

    @Test
    void aProtectedEndpointAnswers503BecauseRevocationCannotBeChecked() {
        String bearer = app.tokens.issue().bearer();

        envelope(http.get("/me", "Authorization", bearer), 503, "unavailable");
        envelope(http.get("/api/me", "Authorization", bearer), 503, "unavailable");
    }

    @Test
    void aMissingTokenIsStill401() {
        envelope(http.get("/me"), 401, "unauthorized");
    }

    @Test
    void readinessNamesRedis() {
        JsonNode body = envelope(http.get("/ready"), 503, "unavailable");

        assertThat(body.path("message").asText()).contains("redis");
        assertThat(body.path("errors").findValuesAsText("field")).containsExactly("redis");
    }

    @Test
    void livenessStillAnswers() {
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void nonRedisRoutesWork() {
        assertThat(http.postJson("/echo/7", "{\"message\": \"still here\"}").status())
                .isEqualTo(200);
    }
}
