package eco2.common.error;

/** HTTP 429 `rate_limited` (or another 429 code); the handler adds `Retry-After`. */
public class RateLimited extends ApiException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
        this("rate_limited", message, retryAfterSeconds);
    }

    protected RateLimited(String code, String message, long retryAfterSeconds) {
        super(429, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
