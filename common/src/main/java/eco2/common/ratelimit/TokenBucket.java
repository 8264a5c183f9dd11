package eco2.common.ratelimit;

import eco2.common.security.ApiKeyRecord;
import eco2.common.security.ApiTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    /** What the script decided about a request carrying an API key; see token_bucket.lua. */
    public enum Verdict {
        MISS,
        REFUSED,
        FORBIDDEN,
        LIMITED,
        QUOTA,
        OK
    }

    /**
     * The key-mode result: {@code record} is the stored record when the key matched it; {@code limit},
     * {@code remaining}, {@code resetSeconds} and {@code retryAfterSeconds} describe the key's bucket (or, when the
     * key was not accepted, the client IP's).
     */
    public record KeyDecision(
            Verdict verdict,
            boolean allowed,
            int limit,
            long remaining,
            long resetSeconds,
            long retryAfterSeconds,
            String record,
            long quota,
            long used) {}

    /** The inputs of one key check: the Asia/Seoul month and when it ends, and the lowest tier the route accepts. */
    public record KeyCheck(String prefix, String sha256, String month, long secondsLeftInMonth, ApiTier minTier) {}

    /**
     * One round trip for a request with an API key: verifies the key against {@code apikey:{prefix}}, then takes a
     * token from the tier's bucket and counts the request against the month's quota, or, for a key not accepted,
     * takes a token from the client IP's bucket under {@code ipPolicy}. {@code charge} false (limits switched off)
     * still verifies and counts the quota.
     */
    public KeyDecision takeForKey(KeyCheck check, RateLimitPolicy ipPolicy, String ipSubject, boolean charge) {
        List<String> keys = List.of(ApiKeyRecord.redisKey(check.prefix()), key(ipPolicy, ipSubject), USED_KEYS);
        List<String> args = new ArrayList<>(10 + TIER_ARGS.size());
        args.add(Integer.toString(ipPolicy.capacity()));
        args.add(Double.toString(ipPolicy.refillPerSecond()));
        args.add(charge ? "1" : "0");
        args.add("0");
        args.add("0");
        args.add("key");
        args.add(check.sha256());
        args.add(check.month());
        args.add(Long.toString(check.secondsLeftInMonth()));
        args.add(RANKS[check.minTier().ordinal()]);
        args.addAll(TIER_ARGS);
        List<?> reply = (List<?>) run(keys, args);
        return new KeyDecision(
                Verdict.valueOf(text(reply.get(6)).toUpperCase(Locale.ROOT)),
                asLong(reply.get(0)) == 1,
                (int) asLong(reply.get(9)),
                asLong(reply.get(1)),
                asLong(reply.get(2)),
                asLong(reply.get(3)),
                reply.get(5) == null ? null : text(reply.get(5)),
                asLong(reply.get(7)),
                asLong(reply.get(8)));
    }

    private static final String[] RANKS = {"1", "2", "3"};
    /** Per tier, in rank order: its name, requests a minute, monthly quota. */
    private static final List<String> TIER_ARGS = java.util.Arrays.stream(ApiTier.values())
            .flatMap(t -> java.util.stream.Stream.of(
                    t.key(), Integer.toString(t.perMinute()), Long.toString(t.monthlyQuota())))
            .toList();

    /** The sorted set of API key ids by last use (epoch seconds) that auth drains into its database. */
    public static final String USED_KEYS = "apikey:used";

    /** A key family's meter: a hash of its tier bucket (tokens, ts) and its month's count (month, used). */
    public static String meterKey(UUID familyId) {
        return "apikey:meter:" + familyId;
    }

    /** Requests a key family made in {@code month} (yyyyMM); throws a Jedis exception when Redis is down. */
    public long usedIn(UUID familyId, String month) {
        List<String> state = redis.hmget(meterKey(familyId), "month", "used");
        return month.equals(state.get(0)) && state.get(1) != null ? Long.parseLong(state.get(1)) : 0;
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
