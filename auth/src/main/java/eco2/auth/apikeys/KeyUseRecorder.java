package eco2.auth.apikeys;

import eco2.common.ratelimit.TokenBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.Tuple;

/**
 * Moves keys' last use from Redis to {@code last_used_at}, off every request's path: the rate-limit script notes
 * each use in {@code apikey:used} (key id → epoch seconds), and once a minute this pops the set (ZPOPMIN, so
 * replicas never take the same entry) and writes the batch, each key at most once a minute.
 */
public final class KeyUseRecorder implements AutoCloseable {
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(KeyUseRecorder.class);

    private final Jdbi jdbi;
    private final RedisClient redis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-key-use");
        t.setDaemon(true);
        return t;
    });

    public KeyUseRecorder(Jdbi jdbi, RedisClient redis) {
        this.jdbi = jdbi;
        this.redis = redis;
    }

    public KeyUseRecorder start() {
        timer.scheduleWithFixedDelay(this::drainQuietly, 60, 60, TimeUnit.SECONDS);
        return this;
    }

    /** Writes every use noted so far; returns how many keys it saw. */
    public int drain() {
        int seen = 0;
        while (true) {
            List<Tuple> popped = redis.zpopmin(TokenBucket.USED_KEYS, BATCH);
            if (popped == null || popped.isEmpty()) return seen;
            List<UUID> ids = new ArrayList<>(popped.size());
            List<Instant> times = new ArrayList<>(popped.size());
            for (Tuple use : popped) {
                try {
                    ids.add(UUID.fromString(use.getElement()));
                    times.add(Instant.ofEpochSecond((long) use.getScore()));
                } catch (IllegalArgumentException e) {
                    // not one of ours; dropped
                }
            }
            if (!ids.isEmpty()) jdbi.useExtension(ApiKeyRepository.class, repo -> repo.touch(ids, times));
            seen += popped.size();
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("API key last use not recorded this time: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
