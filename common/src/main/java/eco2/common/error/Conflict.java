package eco2.common.error;

/** HTTP 409 `conflict`. */
public final class Conflict extends ApiException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(409, "conflict", message);
    }
}
