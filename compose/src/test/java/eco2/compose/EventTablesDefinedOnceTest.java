package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event tables are defined once, in common ({@code eco2.common.events.EventTable}). The versioned migrations that
 * created copies before that stay, byte for byte (Flyway checksums them in every existing database); no other
 * service migration may create or alter {@code outbox} or {@code processed_events}.
 */
class EventTablesDefinedOnceTest {
    private static final Path ROOT =
            ContainerFilesTest.COMPOSE_DIR.resolve("..").normalize();
    private static final Pattern TOUCHES_EVENT_TABLES =
            Pattern.compile("(?i)\\b(TABLE|ON)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(outbox|processed_events)\\b");

    /** The historical copies, frozen. */
    private static final List<String> LEGACY_COPIES = List.of(
            "auth/src/main/resources/db/migration/auth/V22__outbox_lease_and_purge.sql",
            "auth/src/main/resources/db/migration/auth/V2__outbox.sql",
            "auth/src/main/resources/db/migration/auth/V3__processed_events.sql",
            "info/src/main/resources/db/migration/recycle_info/V6__processed_events.sql",
            "location/src/main/resources/db/migration/locations/V3__processed_events.sql",
            "my/src/main/resources/db/migration/users/V1__profiles.sql",
            "my/src/main/resources/db/migration/users/V7__outbox_lease_and_purge.sql",
            "workers/src/main/resources/db/migration/character/V1__characters.sql",
            "workers/src/main/resources/db/migration/character/V2__outbox_lease_and_purge.sql",
            "workers/src/main/resources/db/migration/chat/V1__sessions.sql",
            "workers/src/main/resources/db/migration/notification/V1__processed_events.sql",
            "workers/src/main/resources/db/migration/scan/V1__tasks.sql",
            "workers/src/main/resources/db/migration/scan/V2__outbox_lease_and_purge.sql");

    @Test
    void noServiceMigrationBesidesTheFrozenCopiesDefinesTheEventTables() throws IOException {
        List<String> touching;
        try (Stream<Path> files = Files.walk(ROOT)) {
            touching = files.filter(f -> f.toString().endsWith(".sql"))
                    .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.contains("/src/main/resources/db/migration/"))
                    .filter(f ->
                            TOUCHES_EVENT_TABLES.matcher(read(ROOT.resolve(f))).find())
                    .sorted()
                    .toList();
        }
        assertThat(touching)
                .containsExactlyElementsOf(LEGACY_COPIES.stream().sorted().toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
