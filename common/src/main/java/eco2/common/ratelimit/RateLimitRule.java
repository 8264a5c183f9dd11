package eco2.common.ratelimit;

/**
 * Applies a policy to every path under a prefix; the longest matching prefix wins. {@code countBy} says whose
 * requests the bucket counts. Limits on endpoints anyone may call count by {@link CountBy#IP} (or
 * {@link CountBy#IP_AND_USER}), so a bearer token, which anyone can get by registering, never buys a fresh bucket.
 */
public record RateLimitRule(String pathPrefix, RateLimitPolicy policy, CountBy countBy) {
    /** Whose requests a bucket counts. */
    public enum CountBy {
        /** The client IP, token or not: for anonymous endpoints. */
        IP,
        /** The bearer's user; the client IP for anonymous calls: for signed-in features. */
        USER,
        /** The client IP always, and the bearer's user as well when there is one (two buckets, both must allow). */
        IP_AND_USER
    }

    /** Counted by {@link CountBy#USER}: for limits on signed-in features. */
    public RateLimitRule(String pathPrefix, RateLimitPolicy policy) {
        this(pathPrefix, policy, CountBy.USER);
    }
}
