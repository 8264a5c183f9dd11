package eco2.my.profile;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.registered} → the new user's profile, and an invite for whoever owns the invite code it carries
 * (not the new user: self-invites count nothing). The invite pays later, once the new user has verified their
 * email (see InviteService); the event id is its ledger source, so a replay pays once.
 */
public final class UserRegisteredHandler implements EventHandler {
    public static final String TYPE = "user.registered";

    private final ProfileService profiles;
    private final InviteReward inviteReward;

    public UserRegisteredHandler(ProfileService profiles, InviteReward inviteReward) {
        this.profiles = profiles;
        this.inviteReward = inviteReward;
    }

    /** Records the invite; kept apart so profiles do not depend on invites and points. */
    @FunctionalInterface
    public interface InviteReward {
        void invited(Handle transaction, UUID inviter, UUID invitee, UUID eventId);
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        JsonNode data = event.data();
        UUID userId = UUID.fromString(data.path("user_id").asText());
        String username = data.path("username").asText(null);
        if (!profiles.ensure(transaction, userId, username)) profiles.adoptUsername(transaction, userId, username);
        String code = data.path("invite_code").asText(null);
        if (code == null || code.isBlank()) return;
        transaction
                .attach(ProfileRepository.class)
                .findByInviteCode(code.trim().toUpperCase(Locale.ROOT))
                .filter(inviter -> !inviter.equals(userId))
                .ifPresent(inviter -> inviteReward.invited(transaction, inviter, userId, event.id()));
    }
}
