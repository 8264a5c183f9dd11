package eco2.location.places;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.deleted} (from my's account deletion) → the user's saved places are purged. A user_id that is not a
 * canonical UUID is an invalid event, parked untouched.
 */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        PlaceService.purge(transaction, EventFields.of(event).uuid("user_id"));
    }
}
