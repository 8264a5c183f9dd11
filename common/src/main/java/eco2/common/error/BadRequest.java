package eco2.common.error;

import java.util.List;

/** HTTP 400 `bad_request`: a request the server cannot read, optionally naming the part at fault. */
public final class BadRequest extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(400, "bad_request", message);
    }

    public BadRequest(String message, String field, String problem) {
        super(400, "bad_request", message, List.of(new FieldError(field, problem)));
    }

    /** A body in a charset the JDK does not know, e.g. {@code Content-Type: ...; charset=x-bogus}. */
    public static BadRequest unsupportedCharset() {
        return new BadRequest("Unsupported charset", "Content-Type", "charset must be UTF-8 (or left out)");
    }
}
