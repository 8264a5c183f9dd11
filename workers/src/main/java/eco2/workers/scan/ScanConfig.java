package eco2.workers.scan;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.EventTable;
import eco2.workers.llm.LlmSettings;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * What scan and characters read from the environment. Tests build it directly, with their own queues.
 *
 * @param consume false for an instance that serves the API and streams but runs no pipeline
 * @param prefetch tasks in flight per instance (the broker hands over no more)
 * @param providerCalls provider calls in flight per instance; later ones wait without a thread
 */
public record ScanConfig(
        DbSettings scanDb,
        DbSettings characterDb,
        String redisUrl,
        URI infoUrl,
        LlmSettings llm,
        String requestedQueue,
        String scanEventsQueue,
        String characterEventsQueue,
        boolean consume,
        int prefetch,
        int providerCalls,
        int dailyCap,
        Duration pingInterval,
        String ticketSecret) {
    /**
     * The event-backbone tables this schema holds (scan and character publish and consume events); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> SCAN_EVENT_TABLES = Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS);

    public static final Set<EventTable> CHARACTER_EVENT_TABLES = Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public ScanConfig {
        scanDb = scanDb.withEventTables(SCAN_EVENT_TABLES);
        characterDb = characterDb.withEventTables(CHARACTER_EVENT_TABLES);
    }

    public static final String REQUESTED_QUEUE = "workers.scan-requested";
    public static final String SCAN_EVENTS_QUEUE = "workers.scan-user-events";
    public static final String CHARACTER_EVENTS_QUEUE = "workers.character-user-events";

    public static ScanConfig fromEnv(Env env) {
        return new ScanConfig(
                DbSettings.fromEnv(ownRole(env, "SCAN_DB_USER"), "scan"),
                DbSettings.fromEnv(ownRole(env, "CHARACTER_DB_USER"), "character"),
                env.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
                URI.create(slash(env.get("INFO_URL", "http://127.0.0.1:8084"))),
                LlmSettings.fromEnv(env),
                REQUESTED_QUEUE,
                SCAN_EVENTS_QUEUE,
                CHARACTER_EVENTS_QUEUE,
                env.flag("SCAN_CONSUMER_ENABLED", true),
                env.integer("SCAN_PREFETCH", 256),
                env.integer("SCAN_PROVIDER_CONCURRENCY", 256),
                env.integer("SCAN_DAILY_PAID_CAP", 20),
                Duration.ofSeconds(env.integer("SCAN_SSE_PING_SECONDS", 15)),
                env.secret("SCAN_TICKET_SECRET", randomSecret()));
    }

    /**
     * For tests: queues suffixed with {@code tag} (so runs never share a durable queue), a short ping interval
     * and a fixed ticket secret.
     */
    public static ScanConfig forTests(
            DbSettings scanDb, DbSettings characterDb, String redisUrl, URI infoUrl, LlmSettings llm, String tag) {
        return new ScanConfig(
                scanDb,
                characterDb,
                redisUrl,
                infoUrl,
                llm,
                REQUESTED_QUEUE + ".test." + tag,
                SCAN_EVENTS_QUEUE + ".test." + tag,
                CHARACTER_EVENTS_QUEUE + ".test." + tag,
                true,
                64,
                64,
                20,
                Duration.ofMillis(300),
                "test-ticket-secret-of-at-least-32-characters");
    }

    /** Every queue this feature declares, dead-letter queues included: for tests to clean up. */
    public java.util.List<String> queues() {
        return java.util.List.of(
                requestedQueue,
                requestedQueue + ".dlq",
                scanEventsQueue,
                scanEventsQueue + ".dlq",
                characterEventsQueue,
                characterEventsQueue + ".dlq");
    }

    /** The stage deadline: the provider's read timeout and a margin for the database steps around it. */
    public Duration stageTimeout() {
        return llm.scanTimeout().plusSeconds(5);
    }

    public static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** Each schema has its own role; DB_USER (one role for a whole service) does not apply to these two. */
    public static Env ownRole(Env env, String variable) {
        java.util.Map<String, String> vars = new java.util.HashMap<>();
        String password = env.optional("DB_PASSWORD");
        if (password != null) vars.put("DB_PASSWORD", password);
        for (String name : java.util.List.of(
                "DATABASE_URL", "DB_POOL_SIZE", "DB_BOOTSTRAP", "DB_ADMIN_USER", "DB_ADMIN_PASSWORD", "ECO2_ENV")) {
            String value = env.optional(name);
            if (value != null) vars.put(name, value);
        }
        String user = env.optional(variable);
        if (user != null) vars.put("DB_USER", user);
        return new Env(vars);
    }

    /** Dev only (one process): production must share one secret across instances, so it is required there. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
