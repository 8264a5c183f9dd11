package eco2.info.web;

import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import io.javalin.http.Context;

/** {@code ?page=1&size=20} of a catalogue list: page from 1, size 1-100 (API.md); anything else is a 422. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Adds an error per bad parameter, so the caller can report them together with its own. */
    public static PageRequest read(Context ctx, FieldErrors errors) {
        int page = QueryParams.intInRange(ctx, "page", 1, 1, Integer.MAX_VALUE, errors);
        int size = QueryParams.intInRange(ctx, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        return new PageRequest(page, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
