package eco2.my.avatar;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatar files under a configurable directory, one folder per user. Behind this small interface the files could
 * move to object storage later. File names are generated here, never taken from the client, and every name that
 * comes back (from an event or a row) must be one this store makes and must resolve inside the user's folder.
 */
public final class AvatarStore {
    private static final Logger log = LoggerFactory.getLogger(AvatarStore.class);
    static final int SIZE = 256;
    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** An upload as stored: {@code original-<uuid>.<png|jpg|webp>}. */
    static final Pattern ORIGINAL = Pattern.compile("original-" + UUID_TEXT + "\\.(png|jpg|webp)");
    /** A resized avatar: {@code avatar-<uuid>.png}. */
    static final Pattern RESIZED = Pattern.compile("avatar-" + UUID_TEXT + "\\.png");

    private final Path root;

    public AvatarStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes the original upload (atomically) and returns its file name. */
    public String saveOriginal(UUID userId, ImageType type, byte[] bytes) {
        return write(userId, "original-" + UUID.randomUUID() + "." + type.extension, bytes);
    }

    /**
     * A 256x256 PNG of the original (scaled to cover, centre-cropped), or null when it is kept as uploaded (WebP:
     * ImageIO has no reader for it). The original is decoded subsampled, at about the target size.
     *
     * @throws UnreadableImage when a reader exists for the format but the data does not decode, or the header claims
     *     more than {@link ImageDecoder#MAX_PIXELS} (never decoded)
     */
    public String thumbnail(UUID userId, String original) throws UnreadableImage {
        byte[] bytes = read(userId, original);
        BufferedImage source;
        try {
            source = ImageDecoder.decodeAtLeast(bytes, SIZE);
        } catch (ImageDecoder.TooLarge e) {
            throw new UnreadableImage(e);
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

    /** Best effort, after the commit that stopped using the file: a failure is logged, never thrown. */
    public void delete(UUID userId, String file) {
        try {
            Files.deleteIfExists(path(userId, file));
        } catch (IOException | RuntimeException e) {
            log.warn("avatar file {} of {} could not be deleted: {}", file, userId, e.toString());
        }
    }

    /** Every avatar file of the user and their folder (account deletion); failures are logged, never thrown. */
    public void deleteAll(UUID userId) {
        Path dir = root.resolve(userId.toString());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException e) {
            log.warn("avatar files of {} could not all be deleted: {}", userId, e.toString());
        }
    }

    public byte[] read(UUID userId, String file) {
        try (InputStream in = Files.newInputStream(path(userId, file), LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} is a name this store gives originals. */
    static boolean isOriginal(String file) {
        return ORIGINAL.matcher(file).matches();
    }

    /**
     * The file's path, refused unless the name is one this store makes and it resolves (lexically, following no
     * link) directly inside the user's folder under the root.
     */
    Path path(UUID userId, String file) {
        if (!ORIGINAL.matcher(file).matches() && !RESIZED.matcher(file).matches())
            throw new IllegalArgumentException("not an avatar file name");
        Path dir = root.resolve(userId.toString());
        Path path = dir.resolve(file).normalize();
        if (!dir.equals(path.getParent())) throw new IllegalArgumentException("outside the avatar directory");
        return path;
    }

    private String write(UUID userId, String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(userId.toString()));
            Path partial = Files.createTempFile(dir, ".upload", ".tmp");
            Files.write(partial, bytes);
            Files.move(partial, path(userId, name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an avatar file", e);
        }
    }
}
