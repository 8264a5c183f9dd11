package eco2.my.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Header-only sizes (PNG, JPEG and the three WebP kinds) and subsampled decoding that never decodes a full photo. */
class ImageDecoderTest {
    @Test
    void aLargeAllowedImageIsDecodedSubsampledNearTheTargetSize() throws Exception {
        BufferedImage decoded = ImageDecoder.decodeAtLeast(png(5000, 3000), 256);

        // Every 11th pixel of every 11th row: the shorter side stays at least 256.
        assertThat(decoded.getWidth()).isEqualTo(455);
        assertThat(decoded.getHeight()).isEqualTo(273);
    }

    @Test
    void aSmallImageIsDecodedWhole() throws Exception {
        BufferedImage decoded = ImageDecoder.decodeAtLeast(png(300, 200), 256);

        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    @Test
    void anImageOverTheLimitIsNeverDecoded() {
        assertThatThrownBy(() -> ImageDecoder.decodeAtLeast(pngHeaderClaiming(60_000, 60_000), 256))
                .isInstanceOf(ImageDecoder.TooLarge.class);
        assertThatThrownBy(() -> ImageDecoder.decodeAtLeast(pngHeaderClaiming(4001, 4000), 256))
                .isInstanceOf(ImageDecoder.TooLarge.class);
    }

    @Test
    void sizesComeFromTheHeader() throws Exception {
        assertThat(ImageDecoder.dimensions(pngHeaderClaiming(60_000, 60_000)))
                .contains(new ImageDecoder.Dimensions(60_000, 60_000));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        assertThat(ImageDecoder.dimensions(jpeg.toByteArray())).contains(new ImageDecoder.Dimensions(640, 480));
        assertThat(ImageDecoder.dimensions("not an image".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    @Test
    void webpSizesComeFromEachKindOfFirstChunk() {
        ByteBuffer vp8x = webp("VP8X");
        vp8x.position(24);
        vp8x.put((byte) 0x87)
                .put((byte) 0x13)
                .put((byte) 0)
                .put((byte) 0x9F)
                .put((byte) 0x0F)
                .put((byte) 0);
        assertThat(WebpHeader.dimensions(vp8x.array())).contains(new ImageDecoder.Dimensions(5000, 4000));

        ByteBuffer vp8l = webp("VP8L");
        vp8l.position(20);
        vp8l.put((byte) 0x2F).putInt(999 | 499 << 14);
        assertThat(WebpHeader.dimensions(vp8l.array())).contains(new ImageDecoder.Dimensions(1000, 500));

        ByteBuffer vp8 = webp("VP8 ");
        vp8.position(23);
        vp8.put((byte) 0x9D)
                .put((byte) 0x01)
                .put((byte) 0x2A)
                .putShort((short) 4096)
                .putShort((short) 4097);
        assertThat(WebpHeader.dimensions(vp8.array())).contains(new ImageDecoder.Dimensions(4096, 4097));

        assertThat(WebpHeader.dimensions(
                        "RIFF\u0000\u0000\u0000\u0000WEBPVP8 fake".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
    }

    private static ByteBuffer webp(String chunk) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
        b.put(("WEBP" + chunk).getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and IHDR only: the header of an image that was never made. */
    private static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
