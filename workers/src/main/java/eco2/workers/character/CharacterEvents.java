package eco2.workers.character;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.registered} grants the default character; {@code user.deleted} removes every ownership. A user_id
 * that is not a canonical UUID is an invalid event, parked untouched.
 */
public final class CharacterEvents implements EventHandler {
    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_DELETED = "user.deleted";

    private final CharacterService characters;

    public CharacterEvents(CharacterService characters) {
        this.characters = characters;
    }

    @Override
    public void handle(Handle tx, EventEnvelope event) {
        UUID userId = EventFields.of(event).uuid("user_id");
        switch (event.type()) {
            case USER_REGISTERED -> characters.grantDefaults(tx, userId);
            case USER_DELETED -> characters.purge(tx, userId);
            default -> throw new IllegalArgumentException("unexpected event " + event.type());
        }
    }
}
