package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Avatars: type by magic bytes, 5 MiB cap, resized to 256x256 by the job consumer, served by user id. */
class AvatarIT {
    static MyTestApp my;

    @BeforeAll
    static void start() throws Exception {
        my = MyTestApp.start();
    }

    @AfterAll
    static void stop() {
        my.close();
    }

    @Test
    void aPngIsResizedTo256AndServed() throws Exception {
        MyTestApp.User user = my.register();
        TestHttp.Response r = upload(user, "me.png", "image/png", image(600, 400, "png"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);

        Await.until(() -> !my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        String url = my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .asText();
        assertThat(url).isEqualTo("/api/v1/users/" + user.id() + "/avatar");
        TestHttp.Response served = my.http.get(url);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(my.http.getBytes(url)));
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(256);
    }

    @Test
    void aJpegWithAMisleadingNameIsStillAJpegAndIsResized() throws Exception {
        MyTestApp.User user = my.register();
        assertThat(upload(user, "cat.gif", "application/octet-stream", image(300, 900, "jpg"))
                        .status())
                .isEqualTo(202);
        Await.until(() -> !my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        assertThat(my.http.get("/api/v1/users/" + user.id() + "/avatar").header("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void aWebpIsKeptAsUploadedBecauseImageIoCannotReadIt() throws Exception {
        MyTestApp.User user = my.register();
        byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 fake".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(user, "a.webp", "image/webp", webp).status()).isEqualTo(202);
        Await.until(() -> !my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        TestHttp.Response served = my.http.get("/api/v1/users/" + user.id() + "/avatar");
        assertThat(served.header("Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void aPixelBombIsNeverDecodedAndIsKeptAsUploaded() throws Exception {
        MyTestApp.User user = my.register();
        assertThat(upload(user, "bomb.png", "image/png", pngHeaderClaiming(60_000, 60_000))
                        .status())
                .isEqualTo(202);
        Await.until(() -> !my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        assertThat(my.http.get("/health").status()).isEqualTo(200);
    }

    /** A tiny PNG whose header claims a huge image: decoding it would need gigabytes. */
    private static byte[] pngHeaderClaiming(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt(0xAE426082);
        return png.array();
    }

    @Test
    void aForgedImageIs422AndNothingIsStored() throws Exception {
        MyTestApp.User user = my.register();
        TestHttp.Response r =
                upload(user, "evil.png", "image/png", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(my.avatarDir.resolve(user.id()).toFile().exists()).isFalse();
    }

    @Test
    void overFiveMibIs413() {
        MyTestApp.User user = my.register();
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        TestHttp.Response r = upload(user, "big.jpg", "image/jpeg", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void missingFieldsWrongTypesAndMissingTokensAreRefused() {
        MyTestApp.User user = my.register();
        TestHttp.Response json = my.http.postJson("/api/v1/users/me/avatar", "{}", user.auth());
        assertThat(json.status()).isEqualTo(422);
        String boundary = "b" + UUID.randomUUID();
        byte[] noFile = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        TestHttp.Response missing = my.http.post(
                "/api/v1/users/me/avatar", "multipart/form-data; boundary=" + boundary, noFile, user.auth());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(my.http
                        .post("/api/v1/users/me/avatar", "image/png", new byte[] {1})
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        assertThat(my.http.get("/api/v1/users/" + UUID.randomUUID() + "/avatar").status())
                .isEqualTo(404);
        assertThat(my.http.get("/api/v1/users/not-a-uuid/avatar").status()).isEqualTo(404);
    }

    private static TestHttp.Response upload(MyTestApp.User user, String filename, String type, byte[] content) {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return my.http.post(
                "/api/v1/users/me/avatar",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray(),
                user.auth());
    }

    private static byte[] image(int width, int height, String format) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
