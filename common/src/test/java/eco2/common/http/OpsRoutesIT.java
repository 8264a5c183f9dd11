package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operations endpoints every app serves: health, readiness, metrics and API docs. */
class OpsRoutesIT {
    private static TestApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri());
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthAnswers() {
        Response r = http.get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void readyListsItsChecks() {
        Response r = http.get("/ready");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("ready");
        assertThat(r.json().path("checks").path("redis").asText()).isEqualTo("ok");
    }

    @Test
    void metricsUseRouteTemplatesAndIncludeTheJvm() {
        http.postJson("/echo/41", "{\"message\": \"a\"}");
        http.postJson("/echo/42", "{\"message\": \"b\"}");

        // The request log (which records the metric) runs after the response is sent, so poll briefly.
        Pattern both = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*"
                + "route=\"/echo/\\{id\\}\"[^}]*status=\"200\"[^}]*} 2(\\.0)?\\b");
        String text = scrapeUntil(both);

        assertThat(text).containsPattern(both);
        assertThat(text).doesNotContain("/echo/41").doesNotContain("/echo/42");
        assertThat(text).contains("jvm_memory_used_bytes").contains("jvm_threads_");
    }

    @Test
    void unknownPathsDoNotBecomeMetricLabels() {
        String probe = "/scan-" + UUID.randomUUID();
        assertThat(http.get(probe).status()).isEqualTo(404);

        // The only 404 this class causes: once its series shows up, the probe has been recorded.
        String text = scrapeUntil(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"404\""));

        assertThat(text).containsPattern("status=\"404\"");

        assertThat(text).doesNotContain(probe);
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        Response r = http.get("/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void openApiDocumentsTheOpsRoutes() {
        Response r = http.get("/openapi.json");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("test");
        assertThat(doc.path("paths").has("/health")).isTrue();
        assertThat(doc.path("paths").has("/ready")).isTrue();
        assertThat(doc.path("paths").has("/metrics")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("BearerAuth"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/redoc"})
    void docsAreServedAsHtml(String path) {
        Response r = http.get(path);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).containsIgnoringCase("<html").contains("/openapi.json");
    }

    @Test
    void opsRoutesAreNotRateLimited() {
        for (int i = 0; i < 5; i++) {
            Response r = http.get("/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("RateLimit-Limit")).isNull();
        }
    }

    private static String scrapeUntil(Pattern wanted) {
        String text = "";
        for (int attempt = 0; attempt < 100; attempt++) {
            text = http.get("/metrics").body();
            if (wanted.matcher(text).find()) return text;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return text;
    }
}
