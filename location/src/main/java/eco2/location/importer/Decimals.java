package eco2.location.importer;

import java.util.regex.Pattern;

/** Coordinates as imported files write them: a plain decimal; "37.45?" or "127.7.23106" is a typo, not a number. */
final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d+)?");

    private Decimals() {}

    /** The value, or null when the text is not a plain decimal. */
    static Double parse(String text) {
        return text != null && DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
    }
}
