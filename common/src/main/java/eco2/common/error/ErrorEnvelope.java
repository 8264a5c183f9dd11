package eco2.common.error;

import java.util.List;

/** The JSON body of every error response (see API.md, "Errors"). */
public record ErrorEnvelope(boolean success, String code, String message, List<FieldError> errors, String requestId) {
    public static ErrorEnvelope of(String code, String message, List<FieldError> errors, String requestId) {
        return new ErrorEnvelope(false, code, message, errors, requestId);
    }
}
