package eco2.my.avatar;

import java.util.Optional;

/**
 * The canvas size of a WebP file from its first 30 bytes (ImageIO has no WebP reader, and WebP avatars are served
 * as uploaded, so their size must be checked before a client decodes them). Knows the three first-chunk kinds of
 * the WebP container: VP8X (extended), VP8L (lossless) and "VP8 " (lossy). Empty for anything else.
 */
final class WebpHeader {
    private WebpHeader() {}

    static Optional<ImageDecoder.Dimensions> dimensions(byte[] b) {
        if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) return Optional.empty();
        if (ascii(b, 12, "VP8X")) {
            return Optional.of(new ImageDecoder.Dimensions(1 + uint24(b, 24), 1 + uint24(b, 27)));
        }
        if (ascii(b, 12, "VP8L") && (b[20] & 0xFF) == 0x2F) {
            long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
            return Optional.of(new ImageDecoder.Dimensions(1 + (int) (bits & 0x3FFF), 1 + (int) (bits >> 14 & 0x3FFF)));
        }
        if (ascii(b, 12, "VP8 ") && (b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A) {
            return Optional.of(new ImageDecoder.Dimensions(uint16(b, 26) & 0x3FFF, uint16(b, 28) & 0x3FFF));
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) if (b[at + i] != text.charAt(i)) return false;
        return true;
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int uint24(byte[] b, int at) {
        return uint16(b, at) | (b[at + 2] & 0xFF) << 16;
    }
}
