package eco2.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import eco2.common.events.EventTables;
import eco2.common.ops.ReadinessCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A service's connection pool, JDBI handle and migrations, all bound to its own schema and role. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /**
     * Bootstraps (when configured), opens the pool and migrates from {@code classpath:db/migration/<schema>}, then
     * applies the event tables the settings declare ({@link EventTables}). Migrations live in a folder per schema so
     * that services sharing one classpath never run each other's.
     */
    public static Database open(DbSettings db, MeterRegistry registry, List<String> extensions) {
        return open(db, registry, extensions, null);
    }

    /**
     * As {@link #open(DbSettings, MeterRegistry, List)}, with {@code sessionSql} (e.g. {@code SET ...}) run once on
     * every connection the pool opens: session settings a service's queries all rely on, without a round trip per use.
     */
    public static Database open(DbSettings db, MeterRegistry registry, List<String> extensions, String sessionSql) {
        if (db.bootstrap()) SchemaBootstrap.ensure(db, extensions);
        HikariConfig config = new HikariConfig();
        config.setPoolName(db.schema());
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setSchema(db.schema());
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(1000);
        if (sessionSql != null) config.setConnectionInitSql(sessionSql);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(db.schema())
                    .defaultSchema(db.schema())
                    .createSchemas(false)
                    .locations("classpath:db/migration/" + db.schema())
                    .load()
                    .migrate();
            EventTables.apply(dataSource, db.schema(), db.eventTables());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public ReadinessCheck readiness() {
        return ReadinessCheck.of("postgres", () -> {
            try (Connection c = dataSource.getConnection()) {
                if (!c.isValid(1)) throw new IllegalStateException("connection not valid");
            }
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
