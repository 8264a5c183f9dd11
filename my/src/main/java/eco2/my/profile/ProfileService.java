package eco2.my.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.NotFound;
import eco2.common.events.OutboxWriter;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.common.redis.Prefetched;
import eco2.my.leaderboard.Leaderboard;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Profiles: created once per user (from the event or lazily), read through the cache, edited by their owner. */
public final class ProfileService {
    private static final int CODE_ATTEMPTS = 5;
    static final String PLACEHOLDER = "eco2 user";
    /** What a deleted profile's nickname becomes: the column cannot be empty, and the old one was personal. */
    static final String DELETED_NICKNAME = "deleted user";

    private final Jdbi jdbi;
    private final DocumentCache cache;
    private final ObjectMapper mapper;
    private final OutboxWriter outbox;
    private final Leaderboard leaderboard;
    private final List<Consumer<UUID>> afterChange = new CopyOnWriteArrayList<>();

    public ProfileService(
            Jdbi jdbi, DocumentCache cache, ObjectMapper mapper, OutboxWriter outbox, Leaderboard leaderboard) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.mapper = mapper;
        this.outbox = outbox;
        this.leaderboard = leaderboard;
    }

    /** Data of the {@code user.deleted} event: auth deactivates the account, other services purge personal rows. */
    public record UserDeleted(UUID userId) {
        public static final String TYPE = "user.deleted";
    }

    /**
     * Soft-deletes the caller's profile, erasing its personal content, activities and settings
     * ({@link ProfileErasure}), and announces it; a second delete is 404. The hooks (caches, avatar files) run after
     * the commit.
     */
    public void delete(UUID userId, String username) {
        jdbi.useTransaction(handle -> {
            ensure(handle, userId, username); // even before user.registered arrived, the account must be deactivated
            ProfileErasure erasure = handle.attach(ProfileErasure.class);
            if (erasure.eraseProfile(userId, DELETED_NICKNAME) == 0) {
                throw new NotFound("No profile to delete");
            }
            erasure.deleteActivities(userId);
            erasure.deleteSettings(userId);
            outbox.append(handle, UserDeleted.TYPE, new UserDeleted(userId));
        });
        afterChange.forEach(hook -> hook.accept(userId));
        cache.invalidate(userId);
        leaderboard.remove(userId);
    }

    /**
     * Creates the profile unless the user has one; safe to repeat and to race (the event and a first GET /me).
     * Returns whether this call created it.
     */
    public boolean ensure(Handle handle, UUID userId, String username) {
        ProfileRepository profiles = handle.attach(ProfileRepository.class);
        for (int i = 0; i < CODE_ATTEMPTS; i++) {
            if (profiles.insertIfAbsent(userId, defaultNickname(username), InviteCodes.next()) == 1) return true;
            if (profiles.exists(userId)) return false;
            // else the random invite code was taken: draw another
        }
        throw new IllegalStateException("could not find a free invite code");
    }

    /**
     * For user.registered: a profile made earlier by an event that did not know the username (a reward that
     * overtook the registration) gets the username as its nickname, unless the user already chose one.
     */
    public void adoptUsername(Handle handle, UUID userId, String username) {
        if (username != null) {
            handle.attach(ProfileRepository.class)
                    .replacePlaceholderNickname(userId, defaultNickname(username), PLACEHOLDER);
        }
    }

    /** Like {@link #ensure}, then false when the profile exists but was soft-deleted. */
    public boolean ensureActive(Handle handle, UUID userId, String username) {
        ensure(handle, userId, username);
        return handle.attach(ProfileRepository.class).find(userId).isPresent();
    }

    /** The caller's profile document, creating the profile if the registration event has not arrived yet. */
    public String meJson(UUID userId, String username, Prefetched prefetched) {
        return cache.read(userId, prefetched, () -> {
            Profile profile = jdbi.inTransaction(handle -> {
                        ensure(handle, userId, username);
                        return handle.attach(ProfileRepository.class).find(userId);
                    })
                    .orElseThrow(() -> new NotFound("This profile was deleted"));
            return Json.write(mapper, profile);
        });
    }

    public String update(UUID userId, String username, ProfileUpdate change) {
        jdbi.useTransaction(handle -> {
            ensure(handle, userId, username);
            if (handle.attach(ProfileRepository.class).update(userId, change.trimmedNickname(), change.bio()) == 0) {
                throw new NotFound("This profile was deleted");
            }
        });
        cache.invalidate(userId);
        return meJson(userId, username, null);
    }

    /** After any committed change to a profile (points included): the next read rebuilds the document. */
    public void invalidate(UUID userId) {
        cache.invalidate(userId);
    }

    /** What a deletion must also drop once it has committed: other caches (user:points), the avatar files. */
    public void onDelete(Consumer<UUID> hook) {
        afterChange.add(hook);
    }

    static String defaultNickname(String username) {
        String base = username == null || username.isBlank() ? PLACEHOLDER : username;
        return base.length() > 20 ? base.substring(0, 20) : base;
    }
}
