package eco2.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.db.SchemaBootstrap;
import eco2.common.testing.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
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
    DbSettings production = new DbSettings(bootstrapped.url(), bootstrapped.schema(), bootstrapped.user(),
        bootstrapped.password(), 2, false, null, null);

    assertThatThrownBy(() -> Database.open(production, new SimpleMeterRegistry(), List.of("pg_trgm")))
        .hasStackTraceContaining("pg_trgm");

    Jdbi admin = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    admin.useHandle(h -> h.execute("CREATE EXTENSION pg_trgm WITH SCHEMA recycle_info"));
    try (Database migrated = Database.open(production, new SimpleMeterRegistry(), List.of("pg_trgm"))) {
      long tables = migrated.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'recycle_info'").mapTo(Long.class).one());
      assertThat(tables).isGreaterThanOrEqualTo(8);
    }
  }
}
