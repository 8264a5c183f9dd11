package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageCheckTest {
    static byte[] encode(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void pngAndJpegAreRecognisedWithTheirSizeFromTheHeader() throws IOException {
        assertThat(ImageCheck.inspect(encode("png", 320, 200))).contains(new ImageCheck.Image("image/png", 320, 200));
        assertThat(ImageCheck.inspect(encode("jpg", 640, 480))).contains(new ImageCheck.Image("image/jpeg", 640, 480));
    }

    @Test
    void webpHeadersGiveTheirCanvasSize() {
        byte[] vp8x = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, vp8x, 0, 4);
        System.arraycopy("WEBPVP8X".getBytes(), 0, vp8x, 8, 8);
        vp8x[24] = (byte) 0xFF; // width - 1 = 0x0003FF → 1024
        vp8x[25] = 0x03;
        vp8x[27] = (byte) 0xFF; // height - 1 = 0x0002FF → 768
        vp8x[28] = 0x02;
        assertThat(ImageCheck.inspect(vp8x)).contains(new ImageCheck.Image("image/webp", 1024, 768));
    }

    @Test
    void otherBytesAreNoImage() {
        assertThat(ImageCheck.inspect("GIF89a......................".getBytes()))
                .isEmpty();
        assertThat(ImageCheck.inspect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isEmpty();
        assertThat(ImageCheck.inspect(new byte[0])).isEmpty();
    }
}
