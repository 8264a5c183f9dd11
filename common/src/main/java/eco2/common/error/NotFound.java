package eco2.common.error;

/** HTTP 404 `not_found`. */
public final class NotFound extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(404, "not_found", message);
    }
}
