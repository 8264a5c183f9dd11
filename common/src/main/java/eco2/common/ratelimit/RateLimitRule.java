package eco2.common.ratelimit;

/** Applies a policy to every path under a prefix; the longest matching prefix wins. */
public record RateLimitRule(String pathPrefix, RateLimitPolicy policy) {}
