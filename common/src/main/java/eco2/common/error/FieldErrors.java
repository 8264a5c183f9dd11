package eco2.common.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of one request, then throws a single {@link Invalid}. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Adds the error when {@code bad} holds; returns whether it did. */
    public boolean check(boolean bad, String field, String message) {
        if (bad) add(field, message);
        return bad;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) throw new Invalid(errors);
    }
}
