package eco2.auth.mail;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The language for a mail, from the request's {@code Accept-Language}: auth does not own the user's settings
 * (my does), so the app's current language is the best signal it has. Null lets the worker use its default.
 */
final class MailLanguage {
    private MailLanguage() {}

    static String of(Context ctx) {
        String header = ctx.header("Accept-Language");
        if (header == null) return null;
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("ko")) return "ko";
            if (tag.startsWith("en")) return "en";
        }
        return null;
    }
}
