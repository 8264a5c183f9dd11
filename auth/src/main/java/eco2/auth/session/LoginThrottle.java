package eco2.auth.session;

import eco2.auth.OpaqueTokens;
import eco2.common.error.RateLimited;
import eco2.common.error.Unavailable;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Five failed sign-ins a minute per client IP and per account name. Each attempt reserves a token from both
 * buckets before the password is checked (so parallel guesses cannot slip past), and a success gives them
 * back: only failures count. Fail-closed: without Redis, sign-in answers 503 rather than allow guessing.
 */
public final class LoginThrottle {
    static final RateLimitPolicy PER_IP = RateLimitPolicy.closed("login_ip", 5, Duration.ofMinutes(1));
    static final RateLimitPolicy PER_ACCOUNT = RateLimitPolicy.closed("login_account", 5, Duration.ofMinutes(1));

    private final TokenBucket bucket;

    public LoginThrottle(TokenBucket bucket) {
        this.bucket = bucket;
    }

    /** A reserved attempt; call {@link #succeeded()} when the password was right. */
    public final class Attempt {
        private final String ipSubject;
        private final String accountSubject;

        private Attempt(String ipSubject, String accountSubject) {
            this.ipSubject = ipSubject;
            this.accountSubject = accountSubject;
        }

        public void succeeded() {
            guarded(() -> {
                bucket.take(PER_IP, ipSubject, -1);
                bucket.take(PER_ACCOUNT, accountSubject, -1);
            });
        }
    }

    /** {@code account} is the account id, or the normalised name typed when no account has it. */
    public Attempt begin(String clientIp, String accountName) {
        String account = OpaqueTokens.bucketName(accountName);
        return guarded(() -> {
            TokenBucket.Decision ip = bucket.take(PER_IP, clientIp, 1);
            if (!ip.allowed()) throw tooMany(ip);
            TokenBucket.Decision acct = bucket.take(PER_ACCOUNT, account, 1);
            if (!acct.allowed()) {
                bucket.take(PER_IP, clientIp, -1); // this attempt never happened
                throw tooMany(acct);
            }
            return new Attempt(clientIp, account);
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
