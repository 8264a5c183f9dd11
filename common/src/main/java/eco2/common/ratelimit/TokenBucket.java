package eco2.common.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** Runs the token-bucket Lua script: exact under concurrency because Redis runs each script atomically. */
public final class TokenBucket {
    private final RedisClient redis;
    private final String script;
    private volatile String sha;

    public TokenBucket(RedisClient redis) {
        this.redis = redis;
        this.script = load();
    }

    /**
     * Result of one call: {@code flagged} says whether the flag key exists; {@code prefetched} is the value of the
     * prefetch key and {@code marked} the value of the mark key (null when none was asked for, or when absent).
     */
    public record Decision(
            boolean allowed,
            int limit,
            long remaining,
            long resetSeconds,
            long retryAfterSeconds,
            boolean flagged,
            String prefetched,
            String marked) {}

    public Decision take(RateLimitPolicy policy, String subject, int cost) {
        return take(policy, subject, cost, null, null, null);
    }

    public Decision take(RateLimitPolicy policy, String subject, int cost, String flagKey, String prefetchKey) {
        return take(policy, subject, cost, flagKey, null, prefetchKey);
    }

    /**
     * One round trip: the bucket, plus optionally the existence of {@code flagKey} and the values of {@code markKey}
     * and {@code prefetchKey}.
     */
    public Decision take(
            RateLimitPolicy policy, String subject, int cost, String flagKey, String markKey, String prefetchKey) {
        List<String> keys = new ArrayList<>(4);
        keys.add(key(policy, subject));
        if (flagKey != null) keys.add(flagKey);
        if (prefetchKey != null) keys.add(prefetchKey);
        if (markKey != null) keys.add(markKey);
        List<String> args = List.of(
                Integer.toString(policy.capacity()),
                Double.toString(policy.refillPerSecond()),
                Integer.toString(cost),
                flagKey != null ? "1" : "0",
                prefetchKey != null ? "1" : "0",
                markKey != null ? "1" : "0");
        List<?> reply = (List<?>) run(keys, args);
        String value = reply.size() > 5 && reply.get(5) != null ? text(reply.get(5)) : null;
        String mark = reply.size() > 6 && reply.get(6) != null ? text(reply.get(6)) : null;
        return new Decision(
                asLong(reply.get(0)) == 1,
                policy.capacity(),
                asLong(reply.get(1)),
                asLong(reply.get(2)),
                asLong(reply.get(3)),
                asLong(reply.get(4)) == 1,
                value,
                mark);
    }

    public static String key(RateLimitPolicy policy, String subject) {
        return "ratelimit:" + policy.name() + ":" + subject;
    }

    private Object run(List<String> keys, List<String> args) {
        String current = sha;
        if (current != null) {
            try {
                return redis.evalsha(current, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted or was flushed: load the script again below.
            }
        }
        sha = redis.scriptLoad(script);
        return redis.evalsha(sha, keys, args);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    private static String load() {
        try (InputStream in = TokenBucket.class.getResourceAsStream("/eco2/ratelimit/token_bucket.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
