package eco2.info.web;

import eco2.common.error.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;

/** Path ids: anything that is not a canonical UUID names nothing, so it is a 404 like an unknown id. */
public final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    public static UUID parse(String raw, String what) {
        // UUID.fromString alone accepts odd forms such as "1-1-1-1-1"; the pattern keeps one spelling per id.
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) throw new NotFound("No " + what + " with this id");
        return UUID.fromString(raw);
    }
}
