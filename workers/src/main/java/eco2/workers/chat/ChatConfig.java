package eco2.workers.chat;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.EventTable;
import eco2.workers.scan.ScanConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What chat reads from the environment; tests build it with {@link #forTests}. */
public record ChatConfig(
        DbSettings db,
        URI locationUrl,
        String userEventsQueue,
        int requestsPerMinute,
        int streamsPerUser,
        Duration pingInterval) {
    /**
     * The event-backbone tables this schema holds (chat consumes user events); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public ChatConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final String USER_EVENTS_QUEUE = "workers.chat-user-events";

    public static ChatConfig fromEnv(Env env) {
        return new ChatConfig(
                DbSettings.fromEnv(ScanConfig.ownRole(env, "CHAT_DB_USER"), "chat"),
                URI.create(ScanConfig.slash(env.get("LOCATION_URL", "http://127.0.0.1:8083"))),
                USER_EVENTS_QUEUE,
                env.integer("CHAT_REQUESTS_PER_MINUTE", 20),
                env.integer("CHAT_STREAMS_PER_USER", 3),
                Duration.ofSeconds(env.integer("CHAT_SSE_PING_SECONDS", 15)));
    }

    public static ChatConfig forTests(DbSettings db, URI locationUrl, String tag) {
        return new ChatConfig(db, locationUrl, USER_EVENTS_QUEUE + ".test." + tag, 1000, 3, Duration.ofMillis(300));
    }

    public List<String> queues() {
        return List.of(userEventsQueue, userEventsQueue + ".dlq");
    }
}
