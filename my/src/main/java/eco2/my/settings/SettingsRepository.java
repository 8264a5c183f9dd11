package eco2.my.settings;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for users.settings. */
@RegisterConstructorMapper(Settings.class)
public interface SettingsRepository {
    @SqlQuery("SELECT notification_enabled, language, theme FROM settings WHERE user_id = :userId")
    Optional<Settings> find(@Bind("userId") UUID userId);

    /** Locks the row (if any) so two PATCHes of different fields cannot lose each other's change. */
    @SqlQuery("SELECT notification_enabled, language, theme FROM settings WHERE user_id = :userId FOR UPDATE")
    Optional<Settings> lock(@Bind("userId") UUID userId);

    @SqlUpdate("INSERT INTO settings (user_id, notification_enabled, language, theme) "
            + "VALUES (:userId, :s.notificationEnabled, :s.language, :s.theme) "
            + "ON CONFLICT (user_id) DO UPDATE SET notification_enabled = EXCLUDED.notification_enabled, "
            + "language = EXCLUDED.language, theme = EXCLUDED.theme, updated_at = now()")
    void save(@Bind("userId") UUID userId, @BindMethods("s") Settings settings);
}
