package eco2.my.avatar;

import java.util.Arrays;
import java.util.Optional;

/** The image formats an avatar may be, recognised by their first bytes, never by file name or declared type. */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    final String contentType;
    final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The type whose stored files end in {@code .extension}; only for names this service made. */
    static ImageType ofExtension(String extension) {
        for (ImageType type : values()) if (type.extension.equals(extension)) return type;
        throw new IllegalArgumentException("no image type for ." + extension);
    }

    public static Optional<ImageType> sniff(byte[] head) {
        if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), PNG_MAGIC)) return Optional.of(PNG);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (head.length >= 12
                && head[0] == 'R'
                && head[1] == 'I'
                && head[2] == 'F'
                && head[3] == 'F'
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
