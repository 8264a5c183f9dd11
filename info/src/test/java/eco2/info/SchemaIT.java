package eco2.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.db.SchemaBootstrap;
import eco2.common.testing.TestServices;
import eco2.info.search.HangulCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What a production start does without the dev bootstrap: the service role may not create pg_trgm itself, so the
 * first migration stops with PostgreSQL's hint until a DBA has created the extension; after that it migrates.
 */
class SchemaIT {
    @Test
    void withoutPgTrgmTheMigrationStopsClearlyAndWithItItRuns() {
        TestServices services = TestServices.get();
        String database = services.freshDatabase();
        DbSettings bootstrapped = services.dbSettings(database, InfoConfig.SCHEMA);
        SchemaBootstrap.ensure(bootstrapped, List.of()); // role and schema, as a DBA would create them, no extension
        DbSettings production = new DbSettings(
                bootstrapped.url(),
                bootstrapped.schema(),
                bootstrapped.user(),
                bootstrapped.password(),
                2,
                false,
                null,
                null);

        assertThatThrownBy(() -> Database.open(production, new SimpleMeterRegistry(), List.of("pg_trgm")))
                .hasStackTraceContaining("pg_trgm");

        Jdbi admin = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
        admin.useHandle(h -> h.execute("CREATE EXTENSION pg_trgm WITH SCHEMA recycle_info"));
        try (Database migrated = Database.open(production, new SimpleMeterRegistry(), List.of("pg_trgm"))) {
            long tables = migrated.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM information_schema.tables "
                                    + "WHERE table_schema = 'recycle_info'")
                            .mapTo(Long.class)
                            .one());
            assertThat(tables).isGreaterThanOrEqualTo(8);
            assertThat(HangulCheck.run(migrated.jdbi()))
                    .as("this server's ctype sees Hangul as letters")
                    .isTrue();
        }
    }

    @Test
    void aDatabaseWhoseCtypeHidesHangulIsReported() {
        TestServices services = TestServices.get();
        // Named like TestServices' own databases, so the sweep of stale test databases removes it too.
        String database = "eco2_test_" + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        Jdbi server = Jdbi.create(services.adminJdbcUrl("postgres"), services.adminUser(), services.adminPassword());
        server.useHandle(h -> h.execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' "
                + "LC_COLLATE 'C' LC_CTYPE 'C'"));

        try (Database migrated = Database.open(
                services.dbSettings(database, InfoConfig.SCHEMA), new SimpleMeterRegistry(), List.of("pg_trgm"))) {
            assertThat(HangulCheck.run(migrated.jdbi())).isFalse();
        }
    }
}
