package eco2.my.profile;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL that erases what my holds about a user who deletes their account (ASVS 8.3.2), in the transaction that
 * publishes user.deleted. The profile row stays, soft-deleted under its id (the points ledger and invites reference
 * it, and a second delete must stay a 404), but nothing the person wrote or uploaded stays on it. The avatar files
 * are deleted from disk after the commit ({@link ProfileService#onDelete}).
 */
public interface ProfileErasure {
    /** 0 when the profile was already deleted. Points, level and counters stay: numbers, not personal content. */
    @SqlUpdate("UPDATE profiles SET deleted_at = now(), updated_at = now(), nickname = :nickname, bio = '', "
            + "avatar_url = NULL, avatar_file = NULL, avatar_original = NULL, avatar_content_type = NULL, "
            + "avatar_status = NULL, email_verified_at = NULL WHERE user_id = :userId AND deleted_at IS NULL")
    int eraseProfile(@Bind("userId") UUID userId, @Bind("nickname") String nickname);

    /** The activity feed and its metadata (task ids, character names). */
    @SqlUpdate("DELETE FROM activities WHERE user_id = :userId")
    int deleteActivities(@Bind("userId") UUID userId);

    @SqlUpdate("DELETE FROM settings WHERE user_id = :userId")
    int deleteSettings(@Bind("userId") UUID userId);
}
