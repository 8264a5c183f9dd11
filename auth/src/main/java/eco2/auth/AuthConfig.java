package eco2.auth;

import eco2.auth.admin.AdminSettings;
import eco2.auth.oauth.OAuthSettings;
import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventTable;
import eco2.common.http.HttpSettings;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.security.TokenSeal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Everything auth reads from the environment, with dev defaults. Tests build it directly. */
public record AuthConfig(
        HttpSettings http,
        DbSettings db,
        String redisUrl,
        AmqpSettings amqp,
        String userDeletedQueue,
        RateLimitSettings rateLimits,
        String issuer,
        String signingKeyPem,
        String previousPublicKeyPem,
        Path devKeyFile,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        OAuthSettings oauth,
        Duration sessionLifetime,
        AdminSettings admin,
        String mailTokenKey) {
    /**
     * The event-backbone tables this schema holds (auth publishes user events and consumes user.deleted); their one
     * definition is in {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public AuthConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final int DEFAULT_PORT = 8081;
    public static final String USER_DELETED_QUEUE = "auth.user-deleted";
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(30);

    /**
     * With the default session lifetime, no admin-panel settings and the dev key for sealing mailed tokens (the other
     * services are looked for on their standard local ports): what the other services' tests build.
     */
    public AuthConfig(
            HttpSettings http,
            DbSettings db,
            String redisUrl,
            AmqpSettings amqp,
            String userDeletedQueue,
            RateLimitSettings rateLimits,
            String issuer,
            String signingKeyPem,
            String previousPublicKeyPem,
            Path devKeyFile,
            Duration accessTokenTtl,
            Duration refreshTokenTtl,
            OAuthSettings oauth) {
        this(
                http,
                db,
                redisUrl,
                amqp,
                userDeletedQueue,
                rateLimits,
                issuer,
                signingKeyPem,
                previousPublicKeyPem,
                devKeyFile,
                accessTokenTtl,
                refreshTokenTtl,
                oauth,
                DEFAULT_SESSION_LIFETIME,
                AdminSettings.fromEnv(new Env(Map.of())),
                TokenSeal.DEV_KEY);
    }

    public AuthConfig withAdmin(AdminSettings admin) {
        return copy(sessionLifetime, admin);
    }

    public AuthConfig withSessionLifetime(Duration sessionLifetime) {
        return copy(sessionLifetime, admin);
    }

    private AuthConfig copy(Duration sessionLifetime, AdminSettings admin) {
        return new AuthConfig(
                http,
                db,
                redisUrl,
                amqp,
                userDeletedQueue,
                rateLimits,
                issuer,
                signingKeyPem,
                previousPublicKeyPem,
                devKeyFile,
                accessTokenTtl,
                refreshTokenTtl,
                oauth,
                sessionLifetime,
                admin,
                mailTokenKey);
    }

    public static AuthConfig fromEnv(Env env) {
        return new AuthConfig(
                HttpSettings.fromEnv(env, DEFAULT_PORT),
                DbSettings.fromEnv(env, "auth"),
                env.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
                AmqpSettings.fromEnv(env),
                USER_DELETED_QUEUE,
                RateLimitSettings.fromEnv(env),
                env.get("JWT_ISSUER", "eco2-auth"),
                env.secret("JWT_PRIVATE_KEY", null),
                env.optional("JWT_PREVIOUS_PUBLIC_KEY"),
                Path.of(env.get("JWT_DEV_KEY_FILE", ".eco2-dev/jwt-signing-key.pem")),
                Duration.ofMinutes(env.integer("ACCESS_TOKEN_MINUTES", 30)),
                Duration.ofDays(env.integer("REFRESH_TOKEN_DAYS", 7)),
                OAuthSettings.fromEnv(env),
                Duration.ofDays(env.integer("SESSION_LIFETIME_DAYS", 30)),
                AdminSettings.fromEnv(env),
                // Shared with the notification worker, which opens the tokens auth seals into mail events.
                env.secret("MAIL_TOKEN_KEY", TokenSeal.DEV_KEY));
    }
}
