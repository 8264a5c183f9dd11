package eco2.my.avatar;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Avatar files under a configurable directory, one folder per user. Behind this small interface the files could
 * move to object storage later. File names are generated here, never taken from the client.
 */
public final class AvatarStore {
    static final int SIZE = 256;
    static final long MAX_PIXELS = 40_000_000L;

    private final Path root;

    public AvatarStore(Path root) {
        this.root = root;
    }

    /** Writes the original upload (atomically) and returns its file name. */
    public String saveOriginal(UUID userId, ImageType type, byte[] bytes) {
        return write(userId, "original-" + UUID.randomUUID() + "." + type.extension, bytes);
    }

    /**
     * A 256x256 PNG of the original (scaled to cover, centre-cropped), or null when it is kept as uploaded: WebP
     * (ImageIO has no reader for it) and images too large to decode safely.
     *
     * @throws UnreadableImage when a reader exists for the format but the data does not decode
     */
    public String thumbnail(UUID userId, String original) throws UnreadableImage {
        byte[] bytes = read(userId, original);
        BufferedImage source;
        try {
            if (!reasonableSize(bytes)) return null; // no reader, or a pixel bomb that must never be decoded
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) { // ImageIO's readers throw both on garbage after the header
            throw new UnreadableImage(e);
        }
        if (source == null) return null;
        return write(userId, "avatar-" + UUID.randomUUID() + ".png", square(source));
    }

    private static byte[] square(BufferedImage source) {
        BufferedImage square = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        double scale = Math.max((double) SIZE / source.getWidth(), (double) SIZE / source.getHeight());
        int width = (int) Math.ceil(source.getWidth() * scale);
        int height = (int) Math.ceil(source.getHeight() * scale);
        Graphics2D g = square.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, (SIZE - width) / 2, (SIZE - height) / 2, width, height, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(square, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return png.toByteArray();
    }

    /** Reads only the header: a small file may still claim billions of pixels. False when no reader knows it. */
    private static boolean reasonableSize(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return false;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0) <= MAX_PIXELS;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Best effort: an unreadable upload is not kept. */
    public void delete(UUID userId, String file) {
        try {
            Files.deleteIfExists(root.resolve(userId.toString()).resolve(file));
        } catch (IOException e) {
            // left behind; harmless, it is never served
        }
    }

    public byte[] read(UUID userId, String file) {
        try {
            return Files.readAllBytes(root.resolve(userId.toString()).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(UUID userId, String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(userId.toString()));
            Path partial = Files.createTempFile(dir, ".upload", ".tmp");
            Files.write(partial, bytes);
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an avatar file", e);
        }
    }
}
