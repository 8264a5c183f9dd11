package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad submissions of every kind get the envelope with the field named, and store nothing. */
class ScanInputIT {
    static ScanTestApp app;
    static ScanTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        app = ScanTestApp.start();
        user = app.register();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static long tasks() {
        return app.count("SELECT count(*) FROM scan.tasks");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"text\":                                   | 400 | bad_request      |",
                "[\"페트병\"]                                   | 400 | bad_request      |",
                "{}                                           | 422 | validation_error | text",
                "{\"text\":123}                               | 422 | validation_error | text",
                "{\"text\":\"   \"}                           | 422 | validation_error | text",
                "{\"text\":\"페트병\",\"points\":100}            | 422 | validation_error | points",
                "{\"text\":\"페트병\",\"region\":\"atlantis\"}   | 422 | validation_error | region",
                "{\"text\":\"페트병\",\"region\":7}              | 422 | validation_error | region",
                "{\"text\":\"a\\u0000b\"}                     | 422 | validation_error | text",
                "{\"text\":\"a\\u001bb\"}                     | 422 | validation_error | text",
                "{\"text\":\"a\\ud800b\"}                     | 422 | validation_error | text",
            })
    void badJsonIsRefused(String body, int status, String code, String field) {
        long before = tasks();
        TestHttp.Response refused = app.http.postJson("/api/v1/scan", body, user.auth());
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        JsonNode envelope = refused.json();
        assertThat(envelope.get("code").asText()).isEqualTo(code);
        assertThat(envelope.get("request_id").asText()).isNotBlank();
        if (field != null)
            assertThat(envelope.get("errors"))
                    .extracting(e -> e.get("field").asText())
                    .contains(field);
        assertThat(tasks()).isEqualTo(before);
    }

    @Test
    void textIsOneToTwoHundredCharacters() {
        String longest = "가".repeat(200);
        assertThat(app.http
                        .postJson("/api/v1/scan", TestHttp.json(java.util.Map.of("text", longest)), user.auth())
                        .status())
                .isEqualTo(202);
        TestHttp.Response tooLong =
                app.http.postJson("/api/v1/scan", TestHttp.json(java.util.Map.of("text", longest + "가")), user.auth());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"text\":\"" + "a".repeat(1_100_000) + "\"}";
        TestHttp.Response refused = app.http.postJson("/api/v1/scan", huge, user.auth());
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aBadIdempotencyKeyIsRefused() {
        TestHttp.Response refused = app.http.postJson(
                "/api/v1/scan", "{\"text\":\"페트병\"}", concat(user.auth(), "Idempotency-Key", "k".repeat(65)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void withoutAValidTokenItIs401() {
        assertThat(app.http.postJson("/api/v1/scan", "{\"text\":\"페트병\"}").status())
                .isEqualTo(401);
        String tampered = user.accessToken().substring(0, user.accessToken().length() - 3) + "abc";
        TestHttp.Response refused =
                app.http.postJson("/api/v1/scan", "{\"text\":\"페트병\"}", "Authorization", "Bearer " + tampered);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("unauthorized");
        assertThat(app.http.get("/api/v1/characters/me").status()).isEqualTo(401);
    }

    @Test
    void aPhotoWithoutAVisionModelIs503NamingTheSettingAndStoresNothing() {
        long before = tasks();
        TestHttp.Response refused = app.http.post(
                "/api/v1/scan",
                "multipart/form-data; boundary=XyZ",
                ScanProviderIT.multipart("XyZ", ScanProviderIT.png(), "페트병"),
                user.auth());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("unavailable");
        assertThat(refused.json().get("message").asText()).contains("VISION_MODEL");
        assertThat(tasks()).isEqualTo(before);
    }

    @Test
    void aMultipartScanNeedsAnImage() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n페트병\r\n--XyZ--\r\n";
        TestHttp.Response refused = app.http.post(
                "/api/v1/scan",
                "multipart/form-data; boundary=XyZ",
                body.getBytes(StandardCharsets.UTF_8),
                user.auth());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("image");
    }

    @Test
    void anOversizedPhotoIsRefusedByItsHeaderBeforeDecoding() {
        byte[] png = ScanProviderIT.png();
        png[16] = 0x7F; // width 2^30-ish: billions of pixels claimed by a 64-byte file
        TestHttp.Response refused = app.http.post(
                "/api/v1/scan",
                "multipart/form-data; boundary=XyZ",
                ScanProviderIT.multipart("XyZ", png, null),
                user.auth());
        assertThat(refused.status()).isEqualTo(422); // checked before the vision model's absence
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("image");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("16 megapixels");
    }

    @Test
    void theCatalogueHasThirteenCharactersAndPagesAreBounded() {
        JsonNode page = app.http.get("/api/v1/characters?size=100").json();
        assertThat(page.get("total").asInt()).isEqualTo(13);
        assertThat(page.get("items")).hasSize(13);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("이코");
        assertThat(page.get("items").get(0).get("is_default").asBoolean()).isTrue();
        assertThat(page.get("items"))
                .allSatisfy(c -> assertThat(c.get("unlock_hint").asText()).isNotBlank());
        TestHttp.Response tooBig = app.http.get("/api/v1/characters?size=101");
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertThat(app.http.get("/api/v1/characters?page=abc").status()).isEqualTo(422);
    }

    static String[] concat(String[] pairs, String name, String value) {
        String[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        all[pairs.length] = name;
        all[pairs.length + 1] = value;
        return all;
    }
}
