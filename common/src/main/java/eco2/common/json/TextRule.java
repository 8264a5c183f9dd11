package eco2.common.json;

/**
 * The one rule for text from clients, applied to every decoded string before a handler sees it: no control
 * characters (C0, DEL, C1) and no lone UTF-16 surrogates, which PostgreSQL refuses (NUL) or silently stores as
 * {@code ?}. Multi-line fields also take tab, line feed and carriage return.
 */
public final class TextRule {
    public static final String CONTROL = "must not contain control characters";
    public static final String CONTROL_MULTI_LINE = "must not contain control characters other than tab and newline";
    public static final String SURROGATE = "must be valid Unicode text (no lone surrogates)";

    private TextRule() {}

    /** What is wrong with {@code text} as a field value, or null when it is fine. */
    public static String problem(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return SURROGATE;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            } else if (Character.getType(c) == Character.CONTROL && !(multiLine && lineBreakOrTab(c))) {
                return multiLine ? CONTROL_MULTI_LINE : CONTROL;
            }
        }
        return null;
    }

    public static boolean allowed(String text, boolean multiLine) {
        return problem(text, multiLine) == null;
    }

    private static boolean lineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }
}
