package eco2.common.http;

import eco2.common.error.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in paths: text that is not a canonical UUID names nothing, so it is the same 404 as an unknown id. */
public final class PathIds {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {}

    /** {@code notFound}: the message an unknown id gets too, e.g. "No such API key". */
    public static UUID parse(String raw, String notFound) {
        // UUID.fromString alone accepts odd forms such as "1-1-1-1-1"; the pattern keeps one spelling per id.
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) throw new NotFound(notFound);
        return UUID.fromString(raw);
    }
}
