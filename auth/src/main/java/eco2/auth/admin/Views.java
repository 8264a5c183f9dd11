package eco2.auth.admin;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The panel's templates (Mustache: {@code {{x}}} is HTML-escaped, and the templates never use the unescaped form)
 * and its Korean and English messages. Compiled templates are cached by the factory.
 */
public final class Views {
    public static final List<String> LANGUAGES = List.of("ko", "en");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private final MustacheFactory mustache = new DefaultMustacheFactory("admin/templates");
    private final Map<String, Map<String, String>> messages = new HashMap<>();

    public Views() {
        for (String lang : LANGUAGES) {
            ResourceBundle bundle = ResourceBundle.getBundle("admin/messages", Locale.forLanguageTag(lang));
            Map<String, String> texts = new HashMap<>();
            bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
            messages.put(lang, Map.copyOf(texts));
        }
    }

    public String render(String template, Map<String, Object> model) {
        Mustache compiled = mustache.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        compiled.execute(out, model);
        return out.toString();
    }

    public Map<String, String> messages(String lang) {
        return messages.getOrDefault(lang, messages.get("ko"));
    }

    public String text(String lang, String key, Object... args) {
        String pattern = messages(lang).getOrDefault(key, key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    public static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }
}
