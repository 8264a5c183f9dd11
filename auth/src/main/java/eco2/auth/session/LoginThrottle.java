package eco2.auth.session;

import eco2.auth.OpaqueTokens;
import eco2.common.error.RateLimited;
import eco2.common.error.Unavailable;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Five failed sign-ins a minute per client IP and per account name. Each attempt reserves a token from both
 * buckets before the password is checked (so parallel guesses cannot slip past), and a success gives them
 * back: only failures count. Fail-closed: without Redis, sign-in answers 503 rather than allow guessing.
 *
 * <p>The account bucket counts only attempts from IPs that have never signed in to that account: otherwise
 * anyone who knows a username could keep its owner locked out with five bad guesses a minute. An IP that has
 * signed in successfully is remembered for 90 days under {@code login:known:{user id}} (hashed); its attempts
 * still count against its own IP bucket, so it gains no extra guesses.
 */
public final class LoginThrottle {
    static final RateLimitPolicy PER_IP = RateLimitPolicy.closed("login_ip", 5, Duration.ofMinutes(1));
    static final RateLimitPolicy PER_ACCOUNT = RateLimitPolicy.closed("login_account", 5, Duration.ofMinutes(1));

    static final String KNOWN_IPS = "login:known:";
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final TokenBucket bucket;
    private final RedisClient redis;

    public LoginThrottle(TokenBucket bucket, RedisClient redis) {
        this.bucket = bucket;
        this.redis = redis;
    }

    /** A reserved attempt; call {@link #succeeded()} when the password was right. */
    public final class Attempt {
        private final String ipSubject;
        private final String accountSubject; // null when the IP is known to the account: nothing was reserved
        private final UUID userId;

        private Attempt(String ipSubject, String accountSubject, UUID userId) {
            this.ipSubject = ipSubject;
            this.accountSubject = accountSubject;
            this.userId = userId;
        }

        public void succeeded() {
            guarded(() -> {
                bucket.take(PER_IP, ipSubject, -1);
                if (accountSubject != null) bucket.take(PER_ACCOUNT, accountSubject, -1);
                if (userId != null) {
                    String key = KNOWN_IPS + userId;
                    redis.sadd(key, OpaqueTokens.bucketName(ipSubject));
                    redis.expire(key, KNOWN_FOR.toSeconds());
                }
            });
        }
    }

    /**
     * {@code accountName} is the account id, or the normalised name typed when no account has it; {@code userId}
     * is the account, when there is one.
     */
    public Attempt begin(String clientIp, String accountName, Optional<UUID> userId) {
        String account = OpaqueTokens.bucketName(accountName);
        return guarded(() -> {
            TokenBucket.Decision ip = bucket.take(PER_IP, clientIp, 1);
            if (!ip.allowed()) throw tooMany(ip);
            boolean known =
                    userId.isPresent() && redis.sismember(KNOWN_IPS + userId.get(), OpaqueTokens.bucketName(clientIp));
            if (known) return new Attempt(clientIp, null, userId.get());
            TokenBucket.Decision acct = bucket.take(PER_ACCOUNT, account, 1);
            if (!acct.allowed()) {
                bucket.take(PER_IP, clientIp, -1); // this attempt never happened
                throw tooMany(acct);
            }
            return new Attempt(clientIp, account, userId.orElse(null));
        });
    }

    private static RateLimited tooMany(TokenBucket.Decision decision) {
        return new RateLimited("Too many failed sign-in attempts; try again later", decision.retryAfterSeconds());
    }

    private static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (JedisException e) {
            throw new Unavailable("Sign-in is temporarily unavailable");
        }
    }

    private static void guarded(Runnable action) {
        guarded(() -> {
            action.run();
            return null;
        });
    }
}
