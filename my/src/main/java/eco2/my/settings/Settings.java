package eco2.my.settings;

/** A user's preferences, and what GET/PATCH /me/settings return. */
public record Settings(boolean notificationEnabled, String language, String theme) {
    public static final Settings DEFAULTS = new Settings(true, "ko", "system");
}
