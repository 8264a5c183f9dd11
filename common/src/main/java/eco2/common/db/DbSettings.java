package eco2.common.db;

import eco2.common.config.Env;
import eco2.common.events.EventTable;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a service reaches its schema. The service connects as its own role (by default named like the schema);
 * with {@code bootstrap} on (dev and CI), an admin connection first creates the database, role and schema.
 * {@code eventTables} declares which tables of the event backbone the schema holds; {@link Database} applies their
 * one definition from {@code common} after the schema's own migrations.
 */
public record DbSettings(
        String url,
        String schema,
        String user,
        String password,
        int poolSize,
        boolean bootstrap,
        String adminUser,
        String adminPassword,
        Set<EventTable> eventTables) {

    public DbSettings {
        eventTables = eventTables.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(eventTables));
    }

    /** A schema without event tables. */
    public DbSettings(
            String url,
            String schema,
            String user,
            String password,
            int poolSize,
            boolean bootstrap,
            String adminUser,
            String adminPassword) {
        this(url, schema, user, password, poolSize, bootstrap, adminUser, adminPassword, Set.of());
    }

    /** The same settings for a schema that holds {@code tables} (see {@link EventTable}). */
    public DbSettings withEventTables(Set<EventTable> tables) {
        return new DbSettings(url, schema, user, password, poolSize, bootstrap, adminUser, adminPassword, tables);
    }

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/eco2";

    public static DbSettings fromEnv(Env env, String schema) {
        return new DbSettings(
                env.get("DATABASE_URL", DEFAULT_URL),
                schema,
                env.get("DB_USER", schema),
                env.secret("DB_PASSWORD", "eco2-dev"),
                env.integer("DB_POOL_SIZE", 10),
                env.flag("DB_BOOTSTRAP", !env.production()),
                env.get("DB_ADMIN_USER", "postgres"),
                env.get("DB_ADMIN_PASSWORD", ""));
    }
}
