package eco2.common.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests, refilled evenly over {@code period}. When Redis is down a
 * fail-open policy lets requests through and a fail-closed one answers 503.
 */
public record RateLimitPolicy(String name, int capacity, Duration period, boolean failClosed) {
    public RateLimitPolicy {
        if (capacity < 1 || period.isZero() || period.isNegative())
            throw new IllegalArgumentException("bad policy " + name);
    }

    public static RateLimitPolicy open(String name, int capacity, Duration period) {
        return new RateLimitPolicy(name, capacity, period, false);
    }

    public static RateLimitPolicy closed(String name, int capacity, Duration period) {
        return new RateLimitPolicy(name, capacity, period, true);
    }

    public double refillPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }

    /** The same policy with a capacity and period written as {@code "120/60"} (requests per seconds). */
    public RateLimitPolicy withSpec(String spec) {
        String[] parts = spec.trim().split("/");
        try {
            if (parts.length != 2) throw new IllegalArgumentException(spec);
            return new RateLimitPolicy(
                    name,
                    Integer.parseInt(parts[0].trim()),
                    Duration.ofSeconds(Long.parseLong(parts[1].trim())),
                    failClosed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Rate limit for " + name + " must look like 120/60 (requests/seconds)");
        }
    }
}
