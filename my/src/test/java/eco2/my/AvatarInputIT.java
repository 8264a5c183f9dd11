package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 for avatars: a malformed multipart body is a 400 naming what is wrong and stores nothing; an image whose
 * PNG signature hides garbage ends as a failed avatar, handled once (no retries, nothing dead-lettered).
 */
class AvatarInputIT {
    private static final String BOUNDARY = "b0undary";

    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    private static byte[] multipart(byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void refusedAs400Naming(MyTestApp.User user, TestHttp.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo("bad_request");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(my.get().avatarDir.resolve(user.id()).toFile().exists()).isFalse();
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .path("avatar_status")
                        .isNull())
                .isTrue();
    }

    @Test
    void multipartWithoutABoundaryIs400NamingTheContentType() {
        MyTestApp.User user = my.get().register();

        TestHttp.Response r = my.get()
                .http
                .post("/api/v1/users/me/avatar", "multipart/form-data", multipart(new byte[] {1, 2, 3}), user.auth());

        refusedAs400Naming(user, r, "Content-Type");
    }

    @Test
    void multipartWhoseBoundaryDiffersFromTheHeaderIs400NamingTheBody() {
        MyTestApp.User user = my.get().register();

        TestHttp.Response r = my.get()
                .http
                .post(
                        "/api/v1/users/me/avatar",
                        "multipart/form-data; boundary=not-the-one",
                        multipart(new byte[] {1, 2, 3}),
                        user.auth());

        refusedAs400Naming(user, r, "body");
    }

    @Test
    void multipartCutOffInTheMiddleIs400NamingTheBody() {
        MyTestApp.User user = my.get().register();
        byte[] whole = multipart(pngSignatureThen(new byte[200]));

        TestHttp.Response r = my.get()
                .http
                .post(
                        "/api/v1/users/me/avatar",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        Arrays.copyOf(whole, whole.length / 2),
                        user.auth());

        refusedAs400Naming(user, r, "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage after the signature", "a valid header, garbage pixels"})
    void aPngSignatureHidingGarbageEndsAsAFailedAvatarHandledOnce(String kind) throws Exception {
        MyTestApp.User user = my.get().register();
        byte[] random = new byte[4096];
        new Random(17).nextBytes(random);
        byte[] image = kind.startsWith("garbage") ? pngSignatureThen(random) : pngHeaderThen(64, 64, random);

        TestHttp.Response r = my.get()
                .http
                .post(
                        "/api/v1/users/me/avatar",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        multipart(image),
                        user.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        Await.until(() -> "failed"
                .equals(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .path("avatar_status")
                        .asText()));
        JsonNode me = my.get().http.get("/api/v1/users/me", user.auth()).json();
        assertThat(me.get("avatar_url").isNull()).isTrue();
        assertThat(my.get().http.get("/api/v1/users/" + user.id() + "/avatar").status())
                .isEqualTo(404);
        assertThat(my.get().takeAvatarDeadLetter()).isNull();
        assertThat(retriedAvatarJobs()).isZero();
    }

    /** eco2_events_retried for the avatar jobs queue, from /metrics. */
    private static double retriedAvatarJobs() {
        return my.get()
                .http
                .get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("eco2_events_retried") && l.contains("avatar-jobs"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static byte[] pngSignatureThen(byte[] rest) {
        ByteBuffer png = ByteBuffer.allocate(8 + rest.length);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).put(rest);
        return png.array();
    }

    /** A PNG signature and a well-formed IHDR chunk, then an IDAT chunk of garbage. */
    private static byte[] pngHeaderThen(int width, int height, byte[] garbage) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        ByteBuffer idat = ByteBuffer.allocate(4 + garbage.length);
        idat.put("IDAT".getBytes(StandardCharsets.US_ASCII)).put(garbage);
        ByteBuffer png = ByteBuffer.allocate(4 + 17 + 4 + 4 + idat.capacity() + 4);
        png.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        png.putInt(garbage.length).put(idat.array()).putInt(crc(idat.array()));
        return pngSignatureThen(png.array());
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
