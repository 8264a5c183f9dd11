package eco2.location.places;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@code user.deleted} (from my's account deletion) → the user's saved places are purged. */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        PlaceService.purge(
                transaction, UUID.fromString(event.data().path("user_id").asText()));
    }
}
