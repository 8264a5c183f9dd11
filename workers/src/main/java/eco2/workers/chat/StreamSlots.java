package eco2.workers.chat;

import eco2.common.error.RateLimited;
import eco2.common.error.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ZAddParams;

/**
 * Open chat streams per user, counted in Redis so the limit holds across instances: a sorted set of stream ids
 * scored by lease expiry. A stream renews its lease while it runs and removes itself when it ends, however it
 * ends; a crashed instance's streams lapse with their lease. Redis down fails closed (503).
 */
public final class StreamSlots {
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final String ACQUIRE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1""";

    private final RedisClient redis;
    private final Clock clock;
    private final int perUser;

    public StreamSlots(RedisClient redis, Clock clock, int perUser) {
        this.redis = redis;
        this.clock = clock;
        this.perUser = perUser;
    }

    /** A slot for a new stream, or 429 when the user already has {@code perUser} open. */
    public String acquire(UUID userId) {
        return acquire(userId, perUser);
    }

    /** A slot under an explicit limit (an API key's tier). */
    public String acquire(UUID userId, int limit) {
        String slot = UUID.randomUUID().toString();
        long now = clock.millis();
        Object granted;
        try {
            granted = redis.eval(
                    ACQUIRE,
                    List.of(key(userId)),
                    List.of(
                            Long.toString(now),
                            Long.toString(now + LEASE.toMillis()),
                            Integer.toString(limit),
                            slot,
                            Long.toString(LEASE.toMillis() * 2)));
        } catch (JedisException e) {
            throw new Unavailable("Chat streams cannot be counted right now");
        }
        if (!Long.valueOf(1).equals(granted)) {
            throw new RateLimited("At most " + limit + " chat streams may be open at once", 5);
        }
        return slot;
    }

    public void renew(UUID userId, String slot) {
        try {
            redis.zadd(
                    key(userId),
                    clock.millis() + LEASE.toMillis(),
                    slot,
                    ZAddParams.zAddParams().xx());
        } catch (JedisException e) {
            // the lease lapses on its own; nothing to do
        }
    }

    public void release(UUID userId, String slot) {
        try {
            redis.zrem(key(userId), slot);
        } catch (JedisException e) {
            // the lease lapses on its own within a minute
        }
    }

    /** How many streams the user has open now: for tests and metrics. */
    public long open(UUID userId) {
        return redis.zcount(key(userId), clock.millis(), Double.POSITIVE_INFINITY);
    }

    private static String key(UUID userId) {
        return "chat:streams:" + userId;
    }
}
