package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photo scans against a fake OpenAI-compatible vision server: good answers, errors, stalls and off-list answers. */
class ScanProviderIT {
    static FakeLlm llm;
    static ScanTestApp app;
    ScanTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlm();
        app = ScanTestApp.start(ScanTestApp.provider(llm.baseUrl(), Duration.ofSeconds(1)), 20);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        llm.close();
    }

    @BeforeEach
    void signIn() throws Exception {
        user = app.register();
    }

    static byte[] png() {
        byte[] png = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, png, 0, head.length);
        png[19] = 64; // 64 x 48 pixels
        png[23] = 48;
        return png;
    }

    static byte[] multipart(String boundary, byte[] image, String text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        if (text != null) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text)
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    TestHttp.Response submitPhoto() {
        return app.http.post(
                "/api/v1/scan", "multipart/form-data; boundary=XyZ", multipart("XyZ", png(), null), user.auth());
    }

    JsonNode photoScan() throws Exception {
        TestHttp.Response accepted = submitPhoto();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return ScanOfflineIT.awaitEnd(app, user, accepted.json().get("task_id").asText());
    }

    @Test
    void aJsonAnswerIsLookedUpInTheGuideAndPays() throws Exception {
        llm.answers("{\"category\":\"plastic\",\"subcategory\":\"페트\",\"item_name\":\"투명 페트병\",\"confidence\":0.92}");
        JsonNode done = photoScan();

        assertThat(done.get("status").asText()).isEqualTo("done");
        JsonNode result = done.get("result");
        assertThat(result.get("category").asText()).isEqualTo("plastic");
        assertThat(result.get("item").get("name").asText()).isEqualTo("투명 페트병");
        assertThat(result.get("confidence").asDouble()).isEqualTo(0.92);
        assertThat(result.get("points_awarded").asInt()).isEqualTo(10);
        assertThat(llm.requests)
                .anySatisfy(body ->
                        assertThat(body).contains("\"model\":\"test-vision\"").contains("data:image/png;base64,"));
        assertThat(app.count("SELECT count(*) FROM scan.images")).isZero();
    }

    @Test
    void aProviderErrorFailsTheTaskAndPaysNothing() throws Exception {
        llm.answers("{}").fails(500);
        JsonNode failed = photoScan();

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("provider_error");
        assertThat(failed.has("result")).isFalse();
        assertThat(app.count("SELECT count(*) FROM scan.outbox WHERE type = 'scan.completed' "
                        + "AND payload->'data'->>'task_id' = '"
                        + failed.get("task_id").asText() + "'"))
                .isZero();
        assertThat(app.count("SELECT count(*) FROM scan.images WHERE task_id = CAST('"
                        + failed.get("task_id").asText() + "' AS uuid)"))
                .isZero();
    }

    @Test
    void aStalledProviderIsATimeout() throws Exception {
        llm.answers("{\"category\":\"plastic\",\"item_name\":\"페트병\",\"confidence\":0.9}")
                .stalls(5000);
        JsonNode failed = photoScan();

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("provider_timeout");
    }

    @Test
    void anOffListCategoryIsUnrecognisedNotAGuess() throws Exception {
        llm.answers("{\"category\":\"spaceship\",\"item_name\":\"로켓\",\"confidence\":0.99}");
        JsonNode failed = photoScan();
        assertThat(failed.get("error").get("code").asText()).isEqualTo("unrecognised");

        llm.answers("I think it is a bottle");
        assertThat(photoScan().get("error").get("code").asText()).isEqualTo("unrecognised");
    }

    @Test
    void anImageThatIsNotAnImageIsRefusedBeforeAnythingIsStored() {
        long before = app.count("SELECT count(*) FROM scan.tasks");
        TestHttp.Response refused = app.http.post(
                "/api/v1/scan",
                "multipart/form-data; boundary=XyZ",
                multipart("XyZ", "GIF89a not allowed".getBytes(StandardCharsets.UTF_8), null),
                user.auth());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("image");
        assertThat(app.count("SELECT count(*) FROM scan.tasks")).isEqualTo(before);
    }
}
