package eco2.my.invites;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import org.jdbi.v3.core.Handle;

/** {@code user.verified} (auth: the account's email was proved) → a pending invite of this user may pay. */
public final class UserVerifiedHandler implements EventHandler {
    public static final String TYPE = "user.verified";

    private final InviteService invites;

    public UserVerifiedHandler(InviteService invites) {
        this.invites = invites;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        invites.verified(transaction, EventFields.of(TYPE, event.data()).uuid("user_id"));
    }
}
