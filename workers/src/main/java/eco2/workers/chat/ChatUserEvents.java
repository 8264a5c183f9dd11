package eco2.workers.chat;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@code user.deleted}: the user's chat sessions go, and their messages with them. */
public final class ChatUserEvents implements EventHandler {
    public static final String USER_DELETED = "user.deleted";

    @Override
    public void handle(Handle tx, EventEnvelope event) {
        tx.attach(ChatRepository.class)
                .deleteForUser(UUID.fromString(event.data().path("user_id").asText()));
    }
}
