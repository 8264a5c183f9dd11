package eco2.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes refresh tokens that expired or were revoked more than a day ago (kept that long for investigating a
 * reuse alarm), in small batches so it never holds many row locks. Scheduled hourly; every replica may run it,
 * since a delete that finds nothing costs nothing.
 */
public final class SessionPurge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionPurge.class);
    static final Duration RETENTION = Duration.ofDays(1);
    static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 5000;

    private final Jdbi jdbi;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public SessionPurge(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Runs the purge now; returns how many rows went. */
    public int run() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.withExtension(
                    RefreshTokenRepository.class,
                    tokens -> tokens.purge(clock.instant().minus(RETENTION), BATCH));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) log.info("purged {} expired or revoked refresh tokens", total);
        return total;
    }

    public SessionPurge start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "session-purge");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) { // PostgreSQL away: try again next time, never kill the schedule
            log.warn("refresh-token purge failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
