package eco2.common.error;

/** One bad input field in a 422 response. */
public record FieldError(String field, String message) {}
