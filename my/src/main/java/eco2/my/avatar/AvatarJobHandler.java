package eco2.my.avatar;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image worker: makes the 256x256 PNG and points the profile at it, then, once that commits, deletes the files
 * of the avatar it replaced. Formats the JDK cannot decode (WebP) are served as uploaded; data that claims PNG or
 * JPEG but does not decode marks the avatar failed. A job whose data is malformed (see {@link AvatarUploaded#from})
 * is parked before any file is read.
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
        AvatarUploaded job = AvatarUploaded.from(event.data());
        UUID userId = job.userId();
        String original = job.file();
        AvatarRepository avatars = transaction.attach(AvatarRepository.class);
        transaction.afterCommit(() -> profiles.invalidate(userId));
        if (!avatars.live(userId)) {
            // The account was deleted (its files with it) before the job ran: nothing of this upload may stay.
            transaction.afterCommit(() -> store.delete(userId, original));
            return;
        }
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
        if (thumbnail != null)
            transaction.afterRollback(() -> store.delete(userId, thumbnail)); // a retry makes another
        String file = thumbnail != null ? thumbnail : original;
        Optional<AvatarRepository.Files> replaced = avatars.lockShown(userId);
        if (replaced.isEmpty()) {
            // The account was deleted while the image was resized.
            transaction.afterCommit(() -> {
                store.delete(userId, original);
                if (thumbnail != null) store.delete(userId, thumbnail);
            });
            return;
        }
        String type = thumbnail != null ? "image/png" : job.contentType();
        avatars.set(userId, file, original, type, AvatarService.url(userId));
        transaction.afterCommit(() -> replaced.get()
                .names()
                .filter(name -> !name.equals(file) && !name.equals(original))
                .forEach(name -> store.delete(userId, name)));
    }
}
