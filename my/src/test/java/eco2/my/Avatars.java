package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Avatar fixtures: uploads through the API, images made in memory, and what the avatar columns and folder hold. */
final class Avatars {
    private Avatars() {}

    /** The avatar columns of a profile row. */
    record Shown(String file, String original, String status) {}

    static TestHttp.Response upload(MyTestApp my, MyTestApp.User user, String filename, String type, byte[] content) {
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

    static TestHttp.Response upload(MyTestApp my, MyTestApp.User user, byte[] png) {
        return upload(my, user, "me.png", "image/png", png);
    }

    /** A single-colour image: even millions of pixels compress to a few kilobytes. */
    static byte[] image(int width, int height, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The width and height a stored image's header states. */
    static List<Integer> size(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return List.of(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    static Shown shown(MyTestApp my, MyTestApp.User user) {
        Map<String, Object> row = my.db.withHandle(
                h -> h.createQuery("SELECT avatar_file, avatar_original, avatar_status FROM users.profiles "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapToMap()
                        .one());
        return new Shown((String) row.get("avatar_file"), (String) row.get("avatar_original"), (String)
                row.get("avatar_status"));
    }

    /** Waits until the resize job has shown a file other than {@code previous} (null: any), and returns it. */
    static Shown awaitShownOtherThan(MyTestApp my, MyTestApp.User user, String previous) throws InterruptedException {
        Await.until(() -> {
            Shown now = shown(my, user);
            return "ready".equals(now.status())
                    && now.file() != null
                    && !now.file().equals(previous);
        });
        Shown now = shown(my, user);
        assertThat(now.original()).isNotNull();
        return now;
    }

    /** The names in the user's avatar folder (none when it does not exist). */
    static List<String> filesOf(MyTestApp my, MyTestApp.User user) {
        Path dir = my.avatarDir.resolve(user.id());
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
