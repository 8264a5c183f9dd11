package eco2.my.invites;

import eco2.my.points.PointsService;
import eco2.my.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Invite rewards. A registration with someone's invite code records the invite; it pays the inviter 100 points
 * once the invitee has verified their email, whichever of the two events comes first, and only for the first
 * {@value #DAILY_PAID_CAP} invites that settle for that inviter on an Asia/Seoul day. Invites past the cap are
 * settled unpaid, for good: farming with throwaway accounts gains nothing by waiting.
 */
public final class InviteService {
    public static final int INVITE_POINTS = 100;
    public static final int DAILY_PAID_CAP = 10;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final PointsService points;
    private final ProfileService profiles;
    private final Clock clock;

    public InviteService(PointsService points, ProfileService profiles, Clock clock) {
        this.points = points;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** From user.registered; both profiles exist already. */
    public void invited(Handle transaction, UUID inviter, UUID invitee, UUID registrationEventId) {
        transaction.attach(InviteRepository.class).record(invitee, inviter, registrationEventId);
        settle(transaction, invitee);
    }

    /** From user.verified; it may overtake user.registered, so the profile is made here if need be. */
    public void verified(Handle transaction, UUID userId) {
        profiles.ensure(transaction, userId, null);
        transaction.attach(InviteRepository.class).markVerified(userId);
        settle(transaction, userId);
    }

    private void settle(Handle transaction, UUID invitee) {
        InviteRepository invites = transaction.attach(InviteRepository.class);
        Optional<Invite> ready = invites.ready(invitee);
        if (ready.isEmpty()) return;
        UUID inviter = ready.get().inviterId();
        if (!invites.lockInviter(inviter).orElse(false)) {
            invites.settle(invitee, "inviter_gone");
            return;
        }
        Instant dayStart =
                LocalDate.now(clock.withZone(SEOUL)).atStartOfDay(SEOUL).toInstant();
        if (invites.paidSince(inviter, dayStart) >= DAILY_PAID_CAP) {
            invites.settle(invitee, "daily_cap");
            return;
        }
        points.award(
                transaction,
                inviter,
                INVITE_POINTS,
                "invite",
                ready.get().sourceEventId(),
                Map.of("invitee", invitee.toString()));
        invites.settle(invitee, "paid");
        transaction.afterCommit(() -> profiles.invalidate(inviter));
    }
}
