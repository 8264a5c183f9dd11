package eco2.workers.chat;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import org.jdbi.v3.core.Handle;

/** {@code user.deleted}: the user's chat sessions go, and their messages with them; a malformed id is parked. */
public final class ChatUserEvents implements EventHandler {
    public static final String USER_DELETED = "user.deleted";

    @Override
    public void handle(Handle tx, EventEnvelope event) {
        tx.attach(ChatRepository.class).deleteForUser(EventFields.of(event).uuid("user_id"));
    }
}
