package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plumbing every service gets from {@link HttpApp}: error envelopes, body limits, request ids, headers. */
class HttpAppIT {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    static JsonNode envelope(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.path("success").isBoolean()).isTrue();
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).isNotBlank().isEqualTo(r.header("X-Request-ID"));
        return body;
    }

    @Test
    void echoesAValidJsonBody() {
        Response r = http.postJson("/echo/42", "{\"message\": \"hi\", \"count\": 2}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo("42");
        assertThat(r.json().path("message").asText()).isEqualTo("hi");
        assertThat(r.json().path("count").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/api/nope", "/echo", "/health/extra"})
    void anUnknownRouteIsA404Envelope(String path) {
        envelope(http.get(path), 404, "not_found");
    }

    @Test
    void aWrongMethodIsA405Envelope() {
        envelope(http.postJson("/get-only", "{}"), 405, "method_not_allowed");
        envelope(http.method("DELETE", "/health"), 405, "method_not_allowed");
        envelope(http.get("/echo/1"), 405, "method_not_allowed");
    }

    @Test
    void aJsonBodyOverOneMebibyteIsA413Envelope() {
        String big = "{\"message\": \"" + "a".repeat(1024 * 1024) + "\"}";

        envelope(http.postJson("/echo/1", big), 413, "payload_too_large");
    }

    @Test
    void aChunkedJsonBodyOverOneMebibyteIsA413EnvelopeToo() throws Exception {
        byte[] big = ("{\"message\": \"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.app.port() + "/echo/1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big))) // no Content-Length
                .build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"code\":\"payload_too_large\"");
    }

    @Test
    void aJsonBodyJustUnderTheLimitIsAccepted() {
        String message = "a".repeat(1024 * 1024 - 64);

        Response r = http.postJson("/echo/1", "{\"message\": \"" + message + "\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("message").asText()).hasSize(message.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"message\": }", "not json", "[]", ""})
    void malformedJsonIsA400Envelope(String json) {
        envelope(http.postJson("/echo/1", json), 400, "bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
    void theWrongContentTypeIsA400Envelope(String contentType) {
        envelope(
                http.post("/echo/1", contentType, "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8)),
                400,
                "bad_request");
    }

    @Test
    void anUnknownFieldIsA422EnvelopeNamingIt() {
        JsonNode body =
                envelope(http.postJson("/echo/1", "{\"message\": \"hi\", \"points\": 1000}"), 422, "validation_error");

        assertThat(body.path("errors")).hasSize(1);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("points");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("unknown field");
    }

    @Test
    void everyBadFieldIsListedIn422() {
        JsonNode body =
                envelope(http.postJson("/echo/1", "{\"message\": 5, \"count\": \"two\"}"), 422, "validation_error");

        assertThat(body.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("message", "count");
    }

    @Test
    void brokenRulesAreA422Envelope() {
        JsonNode body =
                envelope(http.postJson("/echo/1", "{\"message\": \" \", \"count\": 0}"), 422, "validation_error");

        assertThat(body.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("message", "count");
    }

    @Test
    void anUnexpectedErrorIsAGeneric500WithoutItsMessage() {
        Response r = http.get("/boom");

        JsonNode body = envelope(r, 500, "internal_error");
        assertThat(body.path("message").asText()).isEqualTo("Internal server error");
        assertThat(r.body())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("jdbc:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "req_01HV.9:x", "3f2c6b0e-2a1d-4f8e-9c55-0e1f2a3b4c5d"})
    void aSaneRequestIdIsEchoedInTheHeaderAndTheEnvelope(String id) {
        Response ok = http.get("/health", "X-Request-ID", id);
        Response error = http.get("/nope", "X-Request-ID", id);

        assertThat(ok.header("X-Request-ID")).isEqualTo(id);
        assertThat(error.header("X-Request-ID")).isEqualTo(id);
        assertThat(error.json().path("request_id").asText()).isEqualTo(id);
    }

    @Test
    void aRequestIdIsGeneratedWhenAbsentAndDiffersPerRequest() {
        String first = http.get("/health").header("X-Request-ID");
        String second = http.get("/health").header("X-Request-ID");

        assertThat(first).matches(UUID_PATTERN);
        assertThat(second).matches(UUID_PATTERN).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "<script>alert(1)</script>", "a;b", "x\"y", "{jndi:ldap://x}"})
    void anUnsafeRequestIdIsReplaced(String unsafe) {
        Response r = http.get("/nope", "X-Request-ID", unsafe);

        assertThat(r.header("X-Request-ID")).matches(UUID_PATTERN);
        assertThat(r.body()).doesNotContain(unsafe);
    }

    @Test
    void anOverlongRequestIdIsReplaced() {
        assertThat(http.get("/health", "X-Request-ID", "a".repeat(129)).header("X-Request-ID"))
                .matches(UUID_PATTERN);
        assertThat(http.get("/health", "X-Request-ID", "a".repeat(128)).header("X-Request-ID"))
                .isEqualTo("a".repeat(128));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/nope", "/boom", "/me", "/api/ping"})
    void securityHeadersAreOnEveryResponse(String path) {
        Response r = http.get(path);

        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        Response allowed = http.get("/health", "Origin", "http://localhost:3000");
        Response denied = http.get("/health", "Origin", "https://evil.example");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Access-Control-Expose-Headers")).containsIgnoringCase("X-Request-ID");
        assertThat(denied.header("Access-Control-Allow-Origin")).isNull();
    }
}
