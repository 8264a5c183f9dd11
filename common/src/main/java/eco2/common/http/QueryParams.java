package eco2.common.http;

import eco2.common.error.FieldErrors;
import io.javalin.http.Context;

/** Reads query parameters strictly, adding a clear error per bad one instead of silently using a default. */
public final class QueryParams {
    private QueryParams() {}

    /** The integer in {@code name}, {@code fallback} when absent; out of range or not a number adds an error. */
    public static int intInRange(Context ctx, String name, int fallback, int min, int max, FieldErrors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return fallback;
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) return value;
            errors.add(name, "must be between " + min + " and " + max);
        } catch (NumberFormatException e) {
            errors.add(name, "must be an integer");
        }
        return fallback;
    }
}
