package eco2.workers.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The mails auth asks for, each with the page of the app its link opens. */
public enum EmailTemplate {
    VERIFY_EMAIL("verify_email", "/verify-email"),
    RESET_PASSWORD("reset_password", "/reset-password");

    /** The name on the wire ({@code data.template}) and of the resource files under {@code mail/}. */
    public final String id;

    private final String page;

    EmailTemplate(String id, String page) {
        this.id = id;
        this.page = page;
    }

    public static EmailTemplate of(String id) {
        for (EmailTemplate template : values()) {
            if (template.id.equals(id)) return template;
        }
        throw new InvalidEmailEvent("unknown template");
    }

    /** {@code {base}/verify-email?token=...}; the token is encoded even though auth promises a URL-safe one. */
    public String link(URI publicBaseUrl, String token) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return base + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
