package eco2.common.error;

/** HTTP 503 `unavailable`. */
public final class Unavailable extends ApiException {
    public Unavailable(String message) {
        super(503, "unavailable", message);
    }
}
