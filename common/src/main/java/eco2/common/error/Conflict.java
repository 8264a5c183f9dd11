package eco2.common.error;

/** HTTP 409 `conflict`. */
public final class Conflict extends ApiException {
    public Conflict(String message) {
        super(409, "conflict", message);
    }
}
