package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.events.EventTable;
import eco2.common.testing.EventTableShape;
import eco2.common.testing.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Every service schema, first migrated as before the event tables were defined once (its own versioned copies, nothing
 * declared), then opened as the services now open it (declaring its event tables): it ends with exactly the canonical
 * tables it declares, no undeclared copy, and its rows kept.
 */
class EventTablesMigrationIT {
    @Test
    void everySchemaMigratedByTheOldCopiesEndsWithTheCanonicalTablesAndKeepsItsRows() {
        TestServices services = TestServices.get();
        String database = services.freshDatabase();
        assertThat(MigrateAll.EVENT_TABLES.keySet()).isEqualTo(MigrateAll.SCHEMAS.keySet());

        for (String schema : MigrateAll.SCHEMAS.keySet()) {
            Set<EventTable> declared = MigrateAll.EVENT_TABLES.get(schema);
            List<String> extensions = MigrateAll.SCHEMAS.get(schema);
            DbSettings before = services.dbSettings(database, schema);
            UUID id = UUID.randomUUID();
            try (Database old = Database.open(before, new SimpleMeterRegistry(), extensions)) {
                insertRows(old.jdbi(), schema, declared, id);
            }

            try (Database now =
                    Database.open(before.withEventTables(declared), new SimpleMeterRegistry(), extensions)) {
                assertThat(EventTableShape.of(now.jdbi(), schema))
                        .as(schema)
                        .isEqualTo(EventTableShape.canonical(declared));
                assertRowsKept(now.jdbi(), schema, declared, id);
            }
        }
    }

    private static void insertRows(Jdbi jdbi, String schema, Set<EventTable> tables, UUID id) {
        jdbi.useHandle(h -> {
            if (tables.contains(EventTable.OUTBOX))
                h.createUpdate("INSERT INTO " + schema + ".outbox (id, type, payload) VALUES (:id, 'kept', '{}')")
                        .bind("id", id)
                        .execute();
            if (tables.contains(EventTable.PROCESSED_EVENTS))
                h.createUpdate("INSERT INTO " + schema
                                + ".processed_events (event_id, event_type) VALUES (:id, 'kept')")
                        .bind("id", id)
                        .execute();
        });
    }

    private static void assertRowsKept(Jdbi jdbi, String schema, Set<EventTable> tables, UUID id) {
        jdbi.useHandle(h -> {
            if (tables.contains(EventTable.OUTBOX))
                assertThat(h.createQuery("SELECT id FROM " + schema + ".outbox WHERE type = 'kept'")
                                .mapTo(UUID.class)
                                .list())
                        .containsExactly(id);
            if (tables.contains(EventTable.PROCESSED_EVENTS))
                assertThat(h.createQuery("SELECT event_id FROM " + schema
                                        + ".processed_events WHERE event_type = 'kept'")
                                .mapTo(UUID.class)
                                .list())
                        .containsExactly(id);
        });
    }
}
