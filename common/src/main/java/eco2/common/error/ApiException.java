package eco2.common.error;

import java.util.List;

/** A failure with a known HTTP status and envelope code; mapped to the error envelope once, in {@link ErrorHandlers}. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public ApiException(int status, String code, String message, List<FieldError> errors) {
        super(message, null, false, false); // expected control flow: no stack trace cost
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
