package eco2.common.error;

/** HTTP 429 `quota_exceeded`: an API key has used its month's quota; `Retry-After` runs until the month turns. */
public final class QuotaExceeded extends RateLimited {
    private static final long serialVersionUID = 1L;

    public QuotaExceeded(String message, long retryAfterSeconds) {
        super("quota_exceeded", message, retryAfterSeconds);
    }
}
