package eco2.common.error;

/** HTTP 503 `unavailable`. */
public final class Unavailable extends ApiException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
        super(503, "unavailable", message);
    }
}
