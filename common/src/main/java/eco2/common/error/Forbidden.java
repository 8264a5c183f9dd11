package eco2.common.error;

/** HTTP 403 `forbidden`. */
public final class Forbidden extends ApiException {
    public Forbidden(String message) {
        super(403, "forbidden", message);
    }
}
