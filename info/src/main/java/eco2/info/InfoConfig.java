package eco2.info;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventTable;
import eco2.common.http.HttpSettings;
import java.util.Set;

/**
 * Everything the info service reads from the environment, with dev defaults. Tests build it directly (with a queue
 * of their own).
 *
 * @param userDeletedQueue where info consumes {@code user.deleted}, to drop the user's search history and votes
 * @param searchCache whether search answers are kept in Redis for an hour ({@code INFO_SEARCH_CACHE}); off only to
 *                    measure or debug the database path
 */
public record InfoConfig(
        HttpSettings http, DbSettings db, AmqpSettings amqp, String userDeletedQueue, boolean searchCache) {
    /**
     * The event-backbone tables this schema holds (info consumes user.deleted); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public InfoConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final int DEFAULT_PORT = 8084;
    public static final String SCHEMA = "recycle_info";
    public static final String USER_DELETED_QUEUE = "info.user-deleted";

    public static InfoConfig fromEnv(Env env) {
        return new InfoConfig(
                HttpSettings.fromEnv(env, DEFAULT_PORT),
                DbSettings.fromEnv(env, SCHEMA),
                AmqpSettings.fromEnv(env),
                USER_DELETED_QUEUE,
                env.flag("INFO_SEARCH_CACHE", true));
    }
}
