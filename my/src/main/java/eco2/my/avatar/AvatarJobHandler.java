package eco2.my.avatar;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image worker: makes the 256x256 PNG and points the profile at it. Formats the JDK cannot decode (WebP)
 * are served as uploaded; data that claims PNG or JPEG but does not decode marks the avatar failed.
 */
public final class AvatarJobHandler implements EventHandler {
    private static final Logger log = LoggerFactory.getLogger(AvatarJobHandler.class);

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
        AvatarRepository avatars = transaction.attach(AvatarRepository.class);
        transaction.afterCommit(() -> profiles.invalidate(userId));
        String thumbnail;
        try {
            thumbnail = store.thumbnail(userId, original);
        } catch (UnreadableImage e) {
            // Retrying cannot fix the bytes: the job is done, the upload failed, and the old avatar stays.
            log.info("avatar of {} is unreadable, marked failed: {}", userId, e.getMessage());
            avatars.setStatus(userId, "failed");
            transaction.afterCommit(() -> store.delete(userId, original));
            return;
        }
        String file = thumbnail != null ? thumbnail : original;
        String type = thumbnail != null
                ? "image/png"
                : event.data().path("content_type").asText();
        avatars.set(userId, file, type, AvatarService.url(userId));
    }
}
