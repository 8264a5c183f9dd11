package eco2.location;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventTable;
import eco2.common.http.HttpSettings;
import eco2.location.kakao.KakaoLocalClient;
import eco2.location.kakao.KakaoSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the location service reads from the environment, with dev defaults. Tests build it directly (with a
 * queue of their own and the fake Kakao server's URL).
 */
public record LocationConfig(
        HttpSettings http,
        DbSettings db,
        AmqpSettings amqp,
        String userDeletedQueue,
        KakaoSettings kakao,
        boolean cacheEnabled,
        boolean sampleData,
        long importMaxBytes) {
    /**
     * The event-backbone tables this schema holds (location consumes user.deleted); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public LocationConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final int DEFAULT_PORT = 8083;
    public static final String USER_DELETED_QUEUE = "location.user-deleted";
    public static final long DEFAULT_IMPORT_MAX_BYTES = 5L * 1024 * 1024;

    public static LocationConfig fromEnv(Env env) {
        return new LocationConfig(
                HttpSettings.fromEnv(env, DEFAULT_PORT),
                DbSettings.fromEnv(env, "locations"),
                AmqpSettings.fromEnv(env),
                USER_DELETED_QUEUE,
                kakao(env),
                cache(env),
                env.flag("LOCATION_SAMPLE_DATA", !env.production()),
                env.longValue("LOCATION_IMPORT_MAX_BYTES", DEFAULT_IMPORT_MAX_BYTES));
    }

    /** The key is a secret: production refuses to start without it; in dev, geocoding answers 503 until it is set. */
    static KakaoSettings kakao(Env env) {
        return new KakaoSettings(
                env.get("KAKAO_LOCAL_BASE_URL", KakaoSettings.DEFAULT_BASE_URL),
                env.secret(KakaoLocalClient.KEY_SETTING, null),
                Duration.ofMillis(env.integer("KAKAO_CONNECT_TIMEOUT_MS", 2000)),
                Duration.ofMillis(env.integer("KAKAO_READ_TIMEOUT_MS", 3000)));
    }

    /** {@code LOCATION_CACHE=off} serves every search from PostgreSQL (benchmarks of the cold path, debugging). */
    static boolean cache(Env env) {
        String value = env.get("LOCATION_CACHE", "on").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalStateException("LOCATION_CACHE must be on or off");
        };
    }
}
