package eco2.my.avatar;

import eco2.common.error.Invalid;
import eco2.common.error.NotFound;
import eco2.common.events.OutboxWriter;
import eco2.my.profile.ProfileService;
import java.io.IOException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Accepts avatar uploads (stored, then resized by the job consumer) and serves the current avatar. */
public final class AvatarService {
    private final Jdbi jdbi;
    private final AvatarStore store;
    private final ProfileService profiles;
    private final OutboxWriter outbox;

    public AvatarService(Jdbi jdbi, AvatarStore store, ProfileService profiles, OutboxWriter outbox) {
        this.jdbi = jdbi;
        this.store = store;
        this.profiles = profiles;
        this.outbox = outbox;
    }

    /**
     * Stores the original and queues the resize; the type comes from the bytes alone. An image whose header claims
     * more than 16 megapixels is refused here, before anything is stored or decoded.
     */
    public void upload(UUID userId, String username, byte[] image) {
        ImageType type =
                ImageType.sniff(image).orElseThrow(() -> Invalid.of("file", "must be a PNG, JPEG or WebP image"));
        if (claimsTooManyPixels(image)) throw Invalid.of("file", "must be at most 16 megapixels (e.g. 4000x4000)");
        jdbi.useTransaction(handle -> {
            if (!profiles.ensureActive(handle, userId, username)) throw new NotFound("This profile was deleted");
            String original = store.saveOriginal(userId, type, image);
            handle.attach(AvatarRepository.class).setStatus(userId, "processing");
            handle.afterCommit(() -> profiles.invalidate(userId));
            outbox.append(handle, AvatarUploaded.TYPE, new AvatarUploaded(userId, original, type.contentType));
        });
    }

    /** A header that cannot be read is left to the resize job, which marks the avatar failed. */
    private static boolean claimsTooManyPixels(byte[] image) {
        try {
            return ImageDecoder.dimensions(image)
                    .map(ImageDecoder.Dimensions::tooLarge)
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The avatar bytes and their type, for GET /users/{id}/avatar. */
    public record Image(byte[] bytes, String contentType) {}

    public Image avatarOf(UUID userId) {
        AvatarRepository.Avatar avatar = jdbi.withExtension(AvatarRepository.class, repo -> repo.find(userId))
                .orElseThrow(() -> new NotFound("No avatar"));
        return new Image(store.read(userId, avatar.avatarFile()), avatar.avatarContentType());
    }

    public static String url(UUID userId) {
        return "/api/v1/users/" + userId + "/avatar";
    }
}
