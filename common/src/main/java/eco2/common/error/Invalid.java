package eco2.common.error;

import java.util.List;

/** HTTP 422 `validation_error`, listing every bad field. */
public final class Invalid extends ApiException {
    private static final long serialVersionUID = 1L;

    public Invalid(List<FieldError> errors) {
        super(422, "validation_error", "Validation error", errors);
    }

    public static Invalid of(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }
}
