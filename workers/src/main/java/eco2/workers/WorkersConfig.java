package eco2.workers;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventTable;
import eco2.common.http.HttpSettings;
import eco2.workers.chat.ChatConfig;
import eco2.workers.notification.NotificationConfig;
import eco2.workers.scan.ScanConfig;
import java.util.Set;

/**
 * Everything the workers service reads from the environment, with dev defaults. Tests build it directly (with
 * their own queue names, so test runs never share a durable queue). Each worker has a schema (and role) of its
 * own: {@code notification} for the mail worker's processed events, {@code scan}, {@code character} and {@code chat}.
 */
public record WorkersConfig(
        HttpSettings http,
        DbSettings db,
        AmqpSettings amqp,
        NotificationConfig notification,
        ScanConfig scan,
        ChatConfig chat) {
    /**
     * The event-backbone tables this schema holds (the notification worker consumes notification.email); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public WorkersConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final int DEFAULT_PORT = 8085;

    public static WorkersConfig fromEnv(Env env) {
        return new WorkersConfig(
                HttpSettings.fromEnv(env, DEFAULT_PORT),
                DbSettings.fromEnv(env, "notification"),
                AmqpSettings.fromEnv(env),
                NotificationConfig.fromEnv(env),
                ScanConfig.fromEnv(env),
                ChatConfig.fromEnv(env));
    }
}
