package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An avatar.uploaded job names a file by the server's own pattern ({@code original-<uuid>.<png|jpg|webp>}) inside the
 * user's folder, with the content type of its extension. Anything else is parked at once, and no file is read,
 * served or deleted and no row changes: a forged job must not turn a file outside the avatar directory into an
 * avatar, nor delete it as an unreadable upload.
 */
class AvatarEventsIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    static Path canary;

    @BeforeAll
    static void writeCanary() throws Exception {
        // Beside the avatar directory: what ../ would reach.
        canary = my.get().avatarDir.resolveSibling("canary-" + UUID.randomUUID() + ".png");
        Files.write(canary, Avatars.image(300, 300, "png"));
    }

    @AfterAll
    static void deleteCanary() throws Exception {
        Files.deleteIfExists(canary);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "../../CANARY",
                "ABSOLUTE_CANARY",
                "original-00000000-0000-0000-0000-000000000000.png/../../../CANARY",
                "avatar-00000000-0000-0000-0000-000000000000.png",
                "original-00000000-0000-0000-0000-000000000000.exe",
                "original-1-1-1-1-1.png",
                "MISMATCHED_TYPE"
            })
    void aJobNamingAnythingButAnOriginalOfThisServiceIsParkedWithoutTouchingAFile(String file) throws Exception {
        MyTestApp.User user = my.get().register();
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).status()).isEqualTo(200); // the profile exists
        byte[] before = Files.readAllBytes(canary);
        String contentType = "image/png";
        String named = file.replace("ABSOLUTE_CANARY", canary.toString())
                .replace("CANARY", canary.getFileName().toString());
        if (file.equals("MISMATCHED_TYPE")) {
            named = "original-" + UUID.randomUUID() + ".png";
            contentType = "image/webp";
        }
        Map<String, Object> data = new HashMap<>();
        data.put("user_id", user.id());
        data.put("file", named);
        data.put("content_type", contentType);
        UUID event = UUID.randomUUID();

        my.get().publish(event, "avatar.uploaded", data);

        GetResponse parked = TestEvents.awaitDeadLetter(my.get().myQueues().get(2), event);
        assertThat(TestEvents.error(parked)).contains("avatar.uploaded: ");
        assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
        assertThat(my.get().processed(event)).isFalse();
        assertThat(Files.readAllBytes(canary)).isEqualTo(before);
        assertThat(Avatars.shown(my.get(), user)).isEqualTo(new Avatars.Shown(null, null, null));
        assertThat(my.get().http.get("/api/v1/users/" + user.id() + "/avatar").status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "../x"})
    void aJobWhoseUserIdIsNotAUuidIsParked(String userId) throws Exception {
        UUID event = UUID.randomUUID();

        my.get()
                .publish(
                        event,
                        "avatar.uploaded",
                        Map.of(
                                "user_id",
                                userId,
                                "file",
                                "original-" + UUID.randomUUID() + ".png",
                                "content_type",
                                "image/png"));

        GetResponse parked = TestEvents.awaitDeadLetter(my.get().myQueues().get(2), event);
        assertThat(TestEvents.error(parked)).contains("avatar.uploaded: user_id is not a UUID");
        assertThat(my.get().processed(event)).isFalse();
    }
}
