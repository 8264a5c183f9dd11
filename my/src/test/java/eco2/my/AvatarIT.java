package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Avatars: type by magic bytes, 5 MiB and 16 MP caps, resized to 256x256 by the job consumer (which then deletes the
 * replaced avatar's files), served by user id.
 */
class AvatarIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void aPngIsResizedTo256AndServed() throws Exception {
        MyTestApp.User user = my.get().register();
        TestHttp.Response r = upload(user, "me.png", "image/png", image(600, 400, "png"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);

        Await.until(() -> !my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        String url = my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .asText();
        assertThat(url).isEqualTo("/api/v1/users/" + user.id() + "/avatar");
        TestHttp.Response served = my.get().http.get(url);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        BufferedImage thumbnail =
                ImageIO.read(new ByteArrayInputStream(my.get().http.getBytes(url)));
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(256);
    }

    @Test
    void aJpegWithAMisleadingNameIsStillAJpegAndIsResized() throws Exception {
        MyTestApp.User user = my.get().register();
        assertThat(upload(user, "cat.gif", "application/octet-stream", image(300, 900, "jpg"))
                        .status())
                .isEqualTo(202);
        Await.until(() -> !my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        assertThat(my.get().http.get("/api/v1/users/" + user.id() + "/avatar").header("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void aWebpIsKeptAsUploadedBecauseImageIoCannotReadIt() throws Exception {
        MyTestApp.User user = my.get().register();
        byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 fake".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(user, "a.webp", "image/webp", webp).status()).isEqualTo(202);
        Await.until(() -> !my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("avatar_url")
                .isNull());
        TestHttp.Response served = my.get().http.get("/api/v1/users/" + user.id() + "/avatar");
        assertThat(served.header("Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderAndNothingIsStored() throws Exception {
        MyTestApp.User user = my.get().register();
        TestHttp.Response r = upload(user, "bomb.png", "image/png", pngHeaderClaiming(60_000, 60_000));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(my.get().avatarDir.resolve(user.id()).toFile().exists()).isFalse();
        assertThat(my.get().http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void anImageOver16MegapixelsIsRefusedBeforeDecodingAndNothingIsStored() throws Exception {
        MyTestApp.User user = my.get().register();
        byte[] png = Avatars.image(5000, 4000, "png"); // 20 MP of one colour: a few kilobytes
        assertThat(png.length).isLessThan(1024 * 1024);

        TestHttp.Response r = upload(user, "big.png", "image/png", png);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("16 megapixels");
        assertThat(my.get().avatarDir.resolve(user.id()).toFile().exists()).isFalse();
        assertThat(Avatars.shown(my.get(), user).status()).isNull();
    }

    @Test
    void aWebpClaimingOver16MegapixelsIsRefusedToo() {
        MyTestApp.User user = my.get().register();
        // A VP8X header: canvas width-1 and height-1 as 24-bit little-endian numbers, here 5000x4000.
        java.nio.ByteBuffer webp = java.nio.ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(22)
                .put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
        webp.putInt(10).putInt(0);
        webp.put((byte) 4999)
                .put((byte) (4999 >> 8))
                .put((byte) 0)
                .put((byte) 3999)
                .put((byte) (3999 >> 8))
                .put((byte) 0);

        TestHttp.Response r = upload(user, "big.webp", "image/webp", webp.array());

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(my.get().avatarDir.resolve(user.id()).toFile().exists()).isFalse();
    }

    @Test
    void a15MegapixelImageIsAcceptedAndItsStoredVariantsHaveTheirSizes() throws Exception {
        MyTestApp.User user = my.get().register();
        TestHttp.Response r = upload(user, "big.png", "image/png", Avatars.image(5000, 3000, "png"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);

        Avatars.Shown shown = Avatars.awaitShownOtherThan(my.get(), user, null);

        Path dir = my.get().avatarDir.resolve(user.id());
        assertThat(Avatars.size(dir.resolve(shown.original()))).containsExactly(5000, 3000);
        assertThat(Avatars.size(dir.resolve(shown.file()))).containsExactly(256, 256);
        assertThat(Avatars.filesOf(my.get(), user)).containsExactlyInAnyOrder(shown.file(), shown.original());
        BufferedImage served = ImageIO.read(
                new ByteArrayInputStream(my.get().http.getBytes("/api/v1/users/" + user.id() + "/avatar")));
        assertThat(List.of(served.getWidth(), served.getHeight())).containsExactly(256, 256);
    }

    @Test
    void aNewAvatarDeletesTheFilesOfTheOneItReplacesOnceItIsShown() throws Exception {
        MyTestApp.User user = my.get().register();
        assertThat(upload(user, "a.png", "image/png", image(600, 400, "png")).status())
                .isEqualTo(202);
        Avatars.Shown first = Avatars.awaitShownOtherThan(my.get(), user, null);
        assertThat(Avatars.filesOf(my.get(), user)).containsExactlyInAnyOrder(first.file(), first.original());

        assertThat(upload(user, "b.jpg", "image/jpeg", image(300, 300, "jpg")).status())
                .isEqualTo(202);
        Avatars.Shown second = Avatars.awaitShownOtherThan(my.get(), user, first.file());

        Await.until(() -> Avatars.filesOf(my.get(), user).size() == 2);
        assertThat(Avatars.filesOf(my.get(), user)).containsExactlyInAnyOrder(second.file(), second.original());
        assertThat(second.original()).endsWith(".jpg");
        assertThat(my.get().http.get("/api/v1/users/" + user.id() + "/avatar").status())
                .isEqualTo(200);
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
        MyTestApp.User user = my.get().register();
        TestHttp.Response r =
                upload(user, "evil.png", "image/png", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(my.get().avatarDir.resolve(user.id()).toFile().exists()).isFalse();
    }

    @Test
    void overFiveMibIs413() {
        MyTestApp.User user = my.get().register();
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
        MyTestApp.User user = my.get().register();
        TestHttp.Response json = my.get().http.postJson("/api/v1/users/me/avatar", "{}", user.auth());
        assertThat(json.status()).isEqualTo(422);
        String boundary = "b" + UUID.randomUUID();
        byte[] noFile = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        TestHttp.Response missing = my.get()
                .http
                .post("/api/v1/users/me/avatar", "multipart/form-data; boundary=" + boundary, noFile, user.auth());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(my.get()
                        .http
                        .post("/api/v1/users/me/avatar", "image/png", new byte[] {1})
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/" + UUID.randomUUID() + "/avatar")
                        .status())
                .isEqualTo(404);
        assertThat(my.get().http.get("/api/v1/users/not-a-uuid/avatar").status())
                .isEqualTo(404);
    }

    private static TestHttp.Response upload(MyTestApp.User user, String filename, String type, byte[] content) {
        return Avatars.upload(my.get(), user, filename, type, content);
    }

    private static byte[] image(int width, int height, String format) {
        return Avatars.image(width, height, format);
    }
}
