package eco2.common.error;

/** HTTP 401 `unauthorized`. */
public final class Unauthorized extends ApiException {
    private static final long serialVersionUID = 1L;

    public Unauthorized(String message) {
        super(401, "unauthorized", message);
    }
}
