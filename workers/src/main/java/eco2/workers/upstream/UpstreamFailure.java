package eco2.workers.upstream;

/**
 * A provider or a sibling service failed in a way that ends a scan stage: {@code code} is API.md's error code
 * ({@code provider_error}, {@code provider_timeout} or {@code unrecognised}), the message is safe to show.
 */
public final class UpstreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "provider_error";
    public static final String TIMEOUT = "provider_timeout";
    public static final String UNRECOGNISED = "unrecognised";

    private final String code;

    public UpstreamFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The failure behind a future's completion exception, or a provider_error naming what went wrong. */
    public static UpstreamFailure of(Throwable error, String what) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) cause = cause.getCause();
        if (cause instanceof UpstreamFailure failure) return failure;
        if (cause instanceof java.net.http.HttpTimeoutException
                || cause instanceof java.util.concurrent.TimeoutException) {
            return new UpstreamFailure(TIMEOUT, what + " did not answer in time");
        }
        return new UpstreamFailure(ERROR, what + " failed: " + cause.getClass().getSimpleName());
    }
}
