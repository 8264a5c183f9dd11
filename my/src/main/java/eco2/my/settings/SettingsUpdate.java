package eco2.my.settings;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import java.util.Set;

/** Body of PATCH /me/settings: any subset of the three fields, each checked against its allowed values. */
public record SettingsUpdate(
        @OpenApiDescription("Optional: null is the same as leaving it out")
        Boolean notificationEnabled,

        @OpenApiDescription("ko or en. Optional: null is the same as leaving it out")
        String language,

        @OpenApiDescription("light, dark or system. Optional: null is the same as leaving it out")
        String theme)
        implements Validated {
    static final Set<String> LANGUAGES = Set.of("ko", "en");
    static final Set<String> THEMES = Set.of("light", "dark", "system");

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(
                notificationEnabled == null && language == null && theme == null,
                "notification_enabled",
                "give at least one of notification_enabled, language, theme");
        errors.check(language != null && !LANGUAGES.contains(language), "language", "must be one of: ko, en");
        errors.check(theme != null && !THEMES.contains(theme), "theme", "must be one of: light, dark, system");
    }

    @OpenApiIgnore
    Settings applyTo(Settings current) {
        return new Settings(
                notificationEnabled != null ? notificationEnabled : current.notificationEnabled(),
                language != null ? language : current.language(),
                theme != null ? theme : current.theme());
    }
}
