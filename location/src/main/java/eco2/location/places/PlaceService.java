package eco2.location.places;

import eco2.common.error.Conflict;
import eco2.common.error.Invalid;
import eco2.common.error.NotFound;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Saved places: at most {@value #MAX_PLACES} per user and exactly one default while any exist. The first place
 * becomes the default; making another the default unsets the old one in the same transaction; deleting the default
 * promotes the oldest remaining place. Each change holds the user's lock, so concurrent calls queue up instead of
 * racing past the limit or leaving two defaults.
 */
public final class PlaceService {
    /** The answer to an id that names none of the caller's places, malformed, unknown or someone else's. */
    static final String NOT_FOUND = "No such place";

    public static final int MAX_PLACES = 20;

    private final Jdbi jdbi;

    public PlaceService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Place> list(UUID userId) {
        return jdbi.withExtension(PlaceRepository.class, repo -> repo.list(userId));
    }

    public Place create(UUID userId, PlaceRequest request) {
        return jdbi.inTransaction(handle -> {
            PlaceRepository repo = locked(handle, userId);
            int count = repo.count(userId);
            if (count >= MAX_PLACES)
                throw new Conflict("At most " + MAX_PLACES + " places can be saved; delete one first");
            boolean makeDefault = count == 0 || Boolean.TRUE.equals(request.isDefault());
            if (makeDefault) repo.clearDefault(userId);
            UUID id = UUID.randomUUID();
            repo.insert(
                    id,
                    userId,
                    request.trimmedName(),
                    request.trimmedAddress(),
                    request.latitude(),
                    request.longitude(),
                    makeDefault);
            return repo.find(userId, id).orElseThrow();
        });
    }

    public Place replace(UUID userId, UUID id, PlaceRequest request) {
        return jdbi.inTransaction(handle -> {
            PlaceRepository repo = locked(handle, userId);
            Place current = repo.find(userId, id).orElseThrow(PlaceService::notFound);
            if (current.isDefault() && Boolean.FALSE.equals(request.isDefault())) {
                throw Invalid.of(
                        "is_default", "the default place stays the default until another place is made the default");
            }
            boolean makeDefault = !current.isDefault() && Boolean.TRUE.equals(request.isDefault());
            if (makeDefault) repo.clearDefault(userId);
            repo.update(
                    userId,
                    id,
                    request.trimmedName(),
                    request.trimmedAddress(),
                    request.latitude(),
                    request.longitude(),
                    current.isDefault() || makeDefault);
            return repo.find(userId, id).orElseThrow();
        });
    }

    public void delete(UUID userId, UUID id) {
        jdbi.useTransaction(handle -> {
            PlaceRepository repo = locked(handle, userId);
            boolean wasDefault = repo.delete(userId, id).orElseThrow(PlaceService::notFound);
            if (wasDefault) repo.promoteOldest(userId);
        });
    }

    /** For user.deleted, inside the consumer's transaction. */
    public static int purge(Handle handle, UUID userId) {
        return locked(handle, userId).deleteAll(userId);
    }

    private static PlaceRepository locked(Handle handle, UUID userId) {
        PlaceRepository repo = handle.attach(PlaceRepository.class);
        repo.lockUser(userId);
        return repo;
    }

    /** The same answer for "no such place" and "someone else's place": ids of other users are not confirmed. */
    static NotFound notFound() {
        return new NotFound(NOT_FOUND);
    }
}
