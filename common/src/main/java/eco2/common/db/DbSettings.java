package eco2.common.db;

import eco2.common.config.Env;

/**
 * How a service reaches its schema. The service connects as its own role (by default named like the schema);
 * with {@code bootstrap} on (dev and CI), an admin connection first creates the database, role and schema.
 */
public record DbSettings(
        String url,
        String schema,
        String user,
        String password,
        int poolSize,
        boolean bootstrap,
        String adminUser,
        String adminPassword) {

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
