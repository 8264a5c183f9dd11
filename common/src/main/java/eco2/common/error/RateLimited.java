package eco2.common.error;

/** HTTP 429 `rate_limited`; the handler adds `Retry-After`. */
public final class RateLimited extends ApiException {
    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
        super(429, "rate_limited", message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
