package eco2.my.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only names the store makes, only inside the user's folder; deletions never throw. */
class AvatarStoreTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "/etc/passwd",
                "..",
                "original-00000000-0000-0000-0000-000000000000.png/../../x",
                "./original-00000000-0000-0000-0000-000000000000.png",
                "original-00000000-0000-0000-0000-000000000000.PNG",
                "original-00000000-0000-0000-0000-000000000000.png\u0000.txt",
                "thumbnail.png"
            })
    void aNameTheStoreDoesNotMakeIsRefused(String file) {
        AvatarStore store = new AvatarStore(root);
        assertThatThrownBy(() -> store.path(UUID.randomUUID(), file)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read(UUID.randomUUID(), file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsOwnNamesResolveInsideTheUsersFolder() {
        UUID user = UUID.randomUUID();
        Path path = new AvatarStore(root.resolve("a/../avatars"))
                .path(user, "avatar-00000000-0000-0000-0000-000000000000.png");
        assertThat(path)
                .isEqualTo(root.resolve("avatars")
                        .resolve(user.toString())
                        .resolve("avatar-00000000-0000-0000-0000-000000000000.png"));
    }

    @Test
    void aFailedDeletionIsLoggedNotThrown() throws Exception {
        UUID user = UUID.randomUUID();
        String name = "original-" + UUID.randomUUID() + ".png";
        // A non-empty directory where the file should be: the delete fails with an IOException.
        Path blocker = Files.createDirectories(root.resolve(user.toString()).resolve(name));
        Files.writeString(blocker.resolve("inside"), "x");
        AvatarStore store = new AvatarStore(root);

        store.delete(user, name);
        store.delete(user, "../../etc/passwd");

        assertThat(blocker).exists();
    }
}
