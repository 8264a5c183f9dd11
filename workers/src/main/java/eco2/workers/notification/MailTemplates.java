package eco2.workers.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The mail texts, kept as resource files so wording changes without touching code:
 * {@code mail/<template>.<language>.txt} and {@code .html}, and the subjects in {@code mail/subjects.properties}.
 * All are loaded at start-up, so a missing file stops the worker instead of failing one mail at a time.
 */
public final class MailTemplates {
    private record Texts(String subject, String text, String html) {}

    private final Map<EmailTemplate, Map<Language, Texts>> texts = new EnumMap<>(EmailTemplate.class);
    private final URI publicBaseUrl;

    public MailTemplates(URI publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        Properties subjects = new Properties();
        try (Reader reader = new InputStreamReader(open("subjects.properties"), StandardCharsets.UTF_8)) {
            subjects.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (EmailTemplate template : EmailTemplate.values()) {
            Map<Language, Texts> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String name = template.id + "." + language.code;
                String subject = subjects.getProperty(name);
                if (subject == null) throw new IllegalStateException("mail/subjects.properties has no " + name);
                byLanguage.put(language, new Texts(subject, read(name + ".txt"), read(name + ".html")));
            }
            texts.put(template, byLanguage);
        }
    }

    public RenderedEmail render(EmailRequest request) {
        Texts chosen = texts.get(request.template()).get(request.language());
        Map<String, String> values = Map.of(
                "username", request.username(),
                "link", request.template().link(publicBaseUrl, request.token()),
                "expires_at", request.language().formatExpiry(request.expiresAt()));
        return new RenderedEmail(
                chosen.subject(), Placeholders.text(chosen.text(), values), Placeholders.html(chosen.html(), values));
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + name);
        if (in == null) throw new IllegalStateException("mail template resource mail/" + name + " is missing");
        return in;
    }
}
