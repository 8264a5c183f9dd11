package eco2.workers.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} in a template. Values going into HTML are escaped, so a username like
 * {@code <b>kim</b>} is shown, not rendered. A placeholder without a value is a bug in a template and fails loudly.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private Placeholders() {}

    public static String text(String template, Map<String, String> values) {
        return fill(template, values, false);
    }

    public static String html(String template, Map<String, String> values) {
        return fill(template, values, true);
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        return matcher.replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) throw new IllegalStateException("no value for template placeholder " + match.group(1));
            return Matcher.quoteReplacement(html ? escapeHtml(value) : value);
        });
    }

    /** Safe in element text and in quoted attribute values. */
    public static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
