package eco2.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.db.SchemaBootstrap;
import eco2.common.testing.EventTableShape;
import eco2.common.testing.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The event tables' one definition: a new schema gets exactly the canonical shape, and a schema whose own versioned
 * migrations created older copies of the tables (as every service's did before) is brought to the same shape with
 * its rows kept. {@code evtest}'s migrations are such copies, byte for byte what the services ship.
 */
class EventTablesIT {
    private static final Set<EventTable> BOTH = Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS);

    @Test
    void aNewSchemaGetsTheCanonicalTables() {
        TestServices services = TestServices.get();
        // No migration folder for this schema: the tables come from common alone.
        DbSettings db = services.dbSettings(services.freshDatabase(), "evfresh").withEventTables(BOTH);
        try (Database database = Database.open(db, new SimpleMeterRegistry(), List.of())) {
            assertThat(EventTableShape.of(database.jdbi(), "evfresh")).isEqualTo(EventTableShape.CANONICAL);
        }
    }

    @Test
    void onlyTheDeclaredTablesAreCreated() {
        TestServices services = TestServices.get();
        DbSettings db = services.dbSettings(services.freshDatabase(), "evfresh")
                .withEventTables(Set.of(EventTable.PROCESSED_EVENTS));
        try (Database database = Database.open(db, new SimpleMeterRegistry(), List.of())) {
            assertThat(EventTableShape.of(database.jdbi(), "evfresh"))
                    .isEqualTo(EventTableShape.canonical(Set.of(EventTable.PROCESSED_EVENTS)))
                    .noneMatch(line -> line.contains("outbox"));
        }
    }

    @Test
    void aSchemaMigratedByTheOldCopiesKeepsItsRowsAndEndsCanonical() {
        TestServices services = TestServices.get();
        DbSettings old = services.dbSettings(services.freshDatabase(), "evtest");
        // Today's code: the schema's own migrations, nothing declared.
        try (Database database = Database.open(old, new SimpleMeterRegistry(), List.of())) {
            insertRows(database.jdbi());
        }

        try (Database database = Database.open(old.withEventTables(BOTH), new SimpleMeterRegistry(), List.of())) {
            assertThat(EventTableShape.of(database.jdbi(), "evtest")).isEqualTo(EventTableShape.CANONICAL);
            assertRowsKept(database.jdbi());
        }
        // And again: a second start changes nothing.
        try (Database database = Database.open(old.withEventTables(BOTH), new SimpleMeterRegistry(), List.of())) {
            assertThat(EventTableShape.of(database.jdbi(), "evtest")).isEqualTo(EventTableShape.CANONICAL);
            assertRowsKept(database.jdbi());
        }
    }

    @Test
    void pendingOldMigrationsRunBeforeTheCanonicalDdlSoTheyDoNotClash() {
        TestServices services = TestServices.get();
        DbSettings db = services.dbSettings(services.freshDatabase(), "evtest");
        // The shape before issue 15 (no available_at, attempts, outbox_published_idx), with rows in it.
        migrateOldCopiesUpToV2(db);
        insertRows(Jdbi.create(db.url(), db.user(), db.password()));

        // Flyway runs the pending old V3 (ALTER TABLE outbox ADD COLUMN ...) first, then the canonical DDL.
        try (Database database = Database.open(db.withEventTables(BOTH), new SimpleMeterRegistry(), List.of())) {
            assertThat(EventTableShape.of(database.jdbi(), "evtest")).isEqualTo(EventTableShape.CANONICAL);
            assertRowsKept(database.jdbi());
        }
    }

    @Test
    void anOutboxOlderThanTheLeaseColumnsGetsThemWithDefaults() {
        TestServices services = TestServices.get();
        DbSettings bare = services.dbSettings(services.freshDatabase(), "evtest");
        migrateOldCopiesUpToV2(bare);
        Jdbi bareJdbi = Jdbi.create(bare.url(), bare.user(), bare.password());
        insertRows(bareJdbi);
        // The canonical DDL on its own, on the old shape: it adds what is missing.
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(bare.url());
            pool.setUsername(bare.user());
            pool.setPassword(bare.password());
            pool.setSchema("evtest");
            EventTables.apply(pool, "evtest", BOTH);
            EventTables.apply(pool, "evtest", BOTH);
        }
        assertThat(EventTableShape.of(bareJdbi, "evtest")).isEqualTo(EventTableShape.CANONICAL);
        assertRowsKept(bareJdbi);
        Map<String, Object> leased = bareJdbi.withHandle(
                h -> h.createQuery("SELECT attempts, available_at IS NOT NULL AS has_available_at FROM evtest.outbox")
                        .mapToMap()
                        .one());
        assertThat(leased).containsEntry("attempts", 0).containsEntry("has_available_at", true);
    }

    private static void migrateOldCopiesUpToV2(DbSettings db) {
        SchemaBootstrap.ensure(db, List.of());
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas(db.schema())
                .defaultSchema(db.schema())
                .createSchemas(false)
                .locations("classpath:db/migration/" + db.schema())
                .target(MigrationVersion.fromVersion("2"))
                .load()
                .migrate();
    }

    private static final UUID OUTBOX_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID EVENT_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private static void insertRows(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO evtest.outbox (id, type, payload) VALUES (:id, 'evtest.kept', '{\"n\": 1}')")
                    .bind("id", OUTBOX_ID)
                    .execute();
            h.createUpdate("INSERT INTO evtest.processed_events (event_id, event_type) VALUES (:id, 'evtest.kept')")
                    .bind("id", EVENT_ID)
                    .execute();
        });
    }

    private static void assertRowsKept(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            assertThat(h.createQuery("SELECT id || ' ' || type || ' ' || payload::text FROM evtest.outbox")
                            .mapTo(String.class)
                            .list())
                    .containsExactly(OUTBOX_ID + " evtest.kept {\"n\": 1}");
            assertThat(h.createQuery("SELECT event_id || ' ' || event_type FROM evtest.processed_events")
                            .mapTo(String.class)
                            .list())
                    .containsExactly(EVENT_ID + " evtest.kept");
        });
    }
}
