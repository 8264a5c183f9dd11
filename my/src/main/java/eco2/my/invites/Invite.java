package eco2.my.invites;

import java.util.UUID;

/** A row of users.invites that has not been settled yet. */
public record Invite(UUID inviteeId, UUID inviterId, UUID sourceEventId) {}
