package eco2.my.settings;

import eco2.common.error.NotFound;
import eco2.my.profile.ProfileService;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads preferences (defaults when never set) and applies partial changes. */
public final class SettingsService {
    private final Jdbi jdbi;
    private final ProfileService profiles;

    public SettingsService(Jdbi jdbi, ProfileService profiles) {
        this.jdbi = jdbi;
        this.profiles = profiles;
    }

    public Settings get(UUID userId) {
        return jdbi.withExtension(SettingsRepository.class, repo -> repo.find(userId))
                .orElse(Settings.DEFAULTS);
    }

    public Settings update(UUID userId, String username, SettingsUpdate change) {
        return jdbi.inTransaction(handle -> {
            if (!profiles.ensureActive(handle, userId, username)) throw new NotFound("This profile was deleted");
            SettingsRepository repo = handle.attach(SettingsRepository.class);
            Settings updated = change.applyTo(repo.lock(userId).orElse(Settings.DEFAULTS));
            repo.save(userId, updated);
            return updated;
        });
    }
}
