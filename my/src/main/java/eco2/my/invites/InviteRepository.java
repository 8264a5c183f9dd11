package eco2.my.invites;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for users.invites and the invitee's verification mark on profiles. */
@RegisterConstructorMapper(Invite.class)
public interface InviteRepository {
    /** An invitee is invited once: a replayed registration changes nothing. */
    @SqlUpdate("INSERT INTO invites (invitee_id, inviter_id, source_event_id) VALUES (:invitee, :inviter, :source) "
            + "ON CONFLICT (invitee_id) DO NOTHING")
    int record(@Bind("invitee") UUID invitee, @Bind("inviter") UUID inviter, @Bind("source") UUID sourceEventId);

    @SqlUpdate("UPDATE profiles SET email_verified_at = now() WHERE user_id = :userId AND email_verified_at IS NULL")
    int markVerified(@Bind("userId") UUID userId);

    /** The invitee's unsettled invite, once they are verified; locked until the transaction ends. */
    @SqlQuery("SELECT i.invitee_id, i.inviter_id, i.source_event_id FROM invites i "
            + "JOIN profiles p ON p.user_id = i.invitee_id "
            + "WHERE i.invitee_id = :invitee AND i.settled_at IS NULL AND p.email_verified_at IS NOT NULL "
            + "FOR UPDATE OF i")
    Optional<Invite> ready(@Bind("invitee") UUID invitee);

    /** Locks the inviter's profile, so two invites of one inviter are counted one after the other. */
    @SqlQuery("SELECT deleted_at IS NULL FROM profiles WHERE user_id = :inviter FOR UPDATE")
    Optional<Boolean> lockInviter(@Bind("inviter") UUID inviter);

    @SqlQuery("SELECT count(*) FROM invites WHERE inviter_id = :inviter AND outcome = 'paid' AND settled_at >= :since")
    int paidSince(@Bind("inviter") UUID inviter, @Bind("since") Instant since);

    @SqlUpdate("UPDATE invites SET settled_at = now(), outcome = :outcome WHERE invitee_id = :invitee")
    void settle(@Bind("invitee") UUID invitee, @Bind("outcome") String outcome);
}
