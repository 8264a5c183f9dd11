package eco2.my.activity;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import org.jdbi.v3.core.Handle;

/**
 * {@code character.unlocked} (from the character worker) → one {@code character_unlocked} activity, 0 points.
 * The consumer's processed_events row, in the same transaction, keeps a redelivery from adding a second one.
 */
public final class CharacterUnlockedHandler implements EventHandler {
    public static final String TYPE = CharacterUnlocked.TYPE;

    private final ActivityService activities;
    private final ProfileService profiles;

    public CharacterUnlockedHandler(ActivityService activities, ProfileService profiles) {
        this.activities = activities;
        this.profiles = profiles;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        CharacterUnlocked unlocked = CharacterUnlocked.from(event.data());
        // The activity needs a profile row; a deleted profile gets no new history.
        if (!profiles.ensureActive(transaction, unlocked.userId(), null)) return;
        activities.record(transaction, unlocked.userId(), "character_unlocked", 0, unlocked.metadata());
    }
}
