package eco2.common.http;

import static eco2.common.http.HttpAppIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every malformed form or multipart body is a 400 envelope (413 when too large), never a 500. */
class RequestBodiesIT {
    static final RateLimitSettings UNLIMITED =
            new RateLimitSettings(false, RateLimitPolicy.open("default", 1, Duration.ofMinutes(1)), name -> null);
    private static final String BOUNDARY = "b0undary";

    private static TestApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri(), UNLIMITED);
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static byte[] multipart(String boundary) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n0123456789\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWellFormedUploadPasses() {
        Response r = http.post("/upload", "multipart/form-data; boundary=" + BOUNDARY, multipart(BOUNDARY));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("bytes").asInt()).isEqualTo(10);
    }

    @Test
    void anUnknownCharsetOnAFormIs400NamingTheContentType() {
        Response r = http.post(
                "/form",
                "application/x-www-form-urlencoded; charset=x-bogus",
                "username=a&password=b".getBytes(StandardCharsets.UTF_8));

        JsonNode body = envelope(r, 400, "bad_request");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("Content-Type");
    }

    @Test
    void aHandlerReadingTextInAnUnknownCharsetGets400NotA500() {
        Response r = http.post("/text", "text/plain; charset=x-bogus", "hello".getBytes(StandardCharsets.UTF_8));

        JsonNode body = envelope(r, 400, "bad_request");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("Content-Type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"charset=utf-8", "charset=UTF-8", "charset=iso-8859-1"})
    void aKnownCharsetOnAFormIsFine(String charset) {
        Response r = http.post(
                "/form", "application/x-www-form-urlencoded; " + charset, "a=b".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/upload", "/form"})
    void multipartWithoutABoundaryIs400(String path) {
        JsonNode body = envelope(http.post(path, "multipart/form-data", multipart(BOUNDARY)), 400, "bad_request");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("Content-Type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/upload", "/form"})
    void multipartWhoseBoundaryDiffersFromTheHeaderIs400(String path) {
        JsonNode body = envelope(
                http.post(path, "multipart/form-data; boundary=other", multipart(BOUNDARY)), 400, "bad_request");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/upload", "/form"})
    void multipartCutOffInTheMiddleIs400(String path) {
        byte[] whole = multipart(BOUNDARY);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2 + 20);

        JsonNode body = envelope(http.post(path, "multipart/form-data; boundary=" + BOUNDARY, cut), 400, "bad_request");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("body");
    }

    @Test
    void aFormOverTheRequestLimitIs413() {
        byte[] big = ("a=" + "x".repeat((int) HttpApp.MAX_REQUEST_BYTES + 10)).getBytes(StandardCharsets.UTF_8);

        envelope(http.post("/form", "application/x-www-form-urlencoded", big), 413, "payload_too_large");
    }

    @Test
    void anEmptyMultipartBodyIs400() {
        envelope(http.post("/upload", "multipart/form-data; boundary=" + BOUNDARY, new byte[0]), 400, "bad_request");
    }
}
