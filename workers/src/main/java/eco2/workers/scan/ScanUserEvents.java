package eco2.workers.scan;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.deleted}: the user's scan tasks go, and with them their images and idempotency keys; a malformed id
 * is parked.
 */
public final class ScanUserEvents implements EventHandler {
    public static final String USER_DELETED = "user.deleted";

    @Override
    public void handle(Handle tx, EventEnvelope event) {
        tx.attach(ScanRepository.class).deleteForUser(EventFields.of(event).uuid("user_id"));
    }
}
