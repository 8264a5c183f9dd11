package eco2.common.error;

/** HTTP 403 `forbidden`. */
public final class Forbidden extends ApiException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(403, "forbidden", message);
    }
}
