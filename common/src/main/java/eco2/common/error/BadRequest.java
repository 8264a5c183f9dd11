package eco2.common.error;

/** HTTP 400 `bad_request`. */
public final class BadRequest extends ApiException {
    public BadRequest(String message) {
        super(400, "bad_request", message);
    }
}
