package eco2.my;

import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventTable;
import eco2.common.events.Subscription;
import eco2.common.http.HttpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything the my service reads from the environment, with dev defaults. Tests build it directly (and give
 * their own queue name, so test runs never share a durable queue).
 */
public record MyConfig(
        HttpSettings http,
        DbSettings db,
        AmqpSettings amqp,
        String registrationsQueue,
        String rewardsQueue,
        String avatarJobsQueue,
        Path avatarDir,
        List<Duration> rewardsRetryDelays) {
    /**
     * The event-backbone tables this schema holds (my publishes and consumes events); their one definition is in
     * {@code common} ({@link EventTable}), applied after the schema's own migrations.
     */
    public static final Set<EventTable> EVENT_TABLES = Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS);

    /** Whoever builds the config (production or a test), the schema gets its declared event tables. */
    public MyConfig {
        db = db.withEventTables(EVENT_TABLES);
    }

    public static final int DEFAULT_PORT = 8082;
    public static final String REGISTRATIONS_QUEUE = "my.user-registered";
    public static final String REWARDS_QUEUE = "my.rewards";
    public static final String AVATAR_JOBS_QUEUE = "my.avatar-jobs";

    /** With the consumer's default retry delays; tests that wait for the dead-letter queue pass shorter ones. */
    public MyConfig(
            HttpSettings http,
            DbSettings db,
            AmqpSettings amqp,
            String registrationsQueue,
            String rewardsQueue,
            String avatarJobsQueue,
            Path avatarDir) {
        this(http, db, amqp, registrationsQueue, rewardsQueue, avatarJobsQueue, avatarDir, Subscription.DEFAULT_DELAYS);
    }

    public static MyConfig fromEnv(Env env) {
        return new MyConfig(
                HttpSettings.fromEnv(env, DEFAULT_PORT),
                DbSettings.fromEnv(env, "users"),
                AmqpSettings.fromEnv(env),
                REGISTRATIONS_QUEUE,
                REWARDS_QUEUE,
                AVATAR_JOBS_QUEUE,
                Path.of(env.get("AVATAR_DIR", ".eco2-dev/avatars")));
    }
}
