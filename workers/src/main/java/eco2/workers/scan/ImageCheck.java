package eco2.workers.scan;

import java.util.Optional;

/**
 * Identifies an upload as PNG, JPEG or WebP by its magic bytes (never by the client's Content-Type) and reads its
 * pixel size from the header alone, so an image that would decode to too many pixels is refused before anything
 * decodes it.
 */
final class ImageCheck {
    static final long MAX_PIXELS = 16_000_000L;

    /** A recognised image: its MIME type and header dimensions. */
    record Image(String type, int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    private ImageCheck() {}

    static Optional<Image> inspect(byte[] b) {
        if (b.length >= 24 && u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(new Image("image/png", be32(b, 16), be32(b, 20)));
        }
        if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) return jpeg(b);
        if (b.length >= 30 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return webp(b);
        return Optional.empty();
    }

    private static Optional<Image> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if (u8(b, i) != 0xFF) return Optional.empty();
            int marker = u8(b, i + 1);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return Optional.of(new Image("image/jpeg", be16(b, i + 7), be16(b, i + 5)));
            }
            i += 2 + be16(b, i + 2);
        }
        return Optional.empty();
    }

    private static Optional<Image> webp(byte[] b) {
        if (ascii(b, 12, "VP8X")) {
            return Optional.of(new Image("image/webp", le24(b, 24) + 1, le24(b, 27) + 1));
        }
        if (ascii(b, 12, "VP8L") && b.length >= 25) {
            int bits = u8(b, 21) | u8(b, 22) << 8 | u8(b, 23) << 16 | u8(b, 24) << 24;
            return Optional.of(new Image("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
        }
        if (ascii(b, 12, "VP8 ")) {
            return Optional.of(new Image("image/webp", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF));
        }
        return Optional.empty();
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static int be32(byte[] b, int i) {
        return be16(b, i) << 16 | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | u8(b, i + 2) << 16;
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) if (b[at + i] != text.charAt(i)) return false;
        return true;
    }
}
