package eco2.my.avatar;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The image worker: makes the 256x256 PNG and points the profile at it. Formats the JDK cannot decode (WebP)
 * are served as uploaded.
 */
public final class AvatarJobHandler implements EventHandler {
    private final AvatarStore store;
    private final ProfileService profiles;

    public AvatarJobHandler(AvatarStore store, ProfileService profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        UUID userId = UUID.fromString(event.data().path("user_id").asText());
        String original = event.data().path("file").asText();
        String thumbnail = store.thumbnail(userId, original);
        String file = thumbnail != null ? thumbnail : original;
        String type = thumbnail != null
                ? "image/png"
                : event.data().path("content_type").asText();
        transaction.attach(AvatarRepository.class).set(userId, file, type, AvatarService.url(userId));
        transaction.afterCommit(() -> profiles.invalidate(userId));
    }
}
