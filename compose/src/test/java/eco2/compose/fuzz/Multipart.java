package eco2.compose.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** multipart/form-data bodies, whole or deliberately broken. */
final class Multipart {
    static final byte[] PNG = png();

    private Multipart() {}

    static byte[] body(String boundary, String field, String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A PNG signature followed by garbage: passes a magic-byte check, fails to decode. */
    static byte[] pngSignatureThenGarbage() {
        byte[] bytes = new byte[512];
        System.arraycopy(PNG, 0, bytes, 0, 8);
        for (int i = 8; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        return bytes;
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
