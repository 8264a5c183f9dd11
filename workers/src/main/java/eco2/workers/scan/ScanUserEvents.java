package eco2.workers.scan;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@code user.deleted}: the user's scan tasks go, and with them their images and idempotency keys. */
public final class ScanUserEvents implements EventHandler {
    public static final String USER_DELETED = "user.deleted";

    @Override
    public void handle(Handle tx, EventEnvelope event) {
        UUID userId = UUID.fromString(event.data().path("user_id").asText());
        tx.attach(ScanRepository.class).deleteForUser(userId);
    }
}
