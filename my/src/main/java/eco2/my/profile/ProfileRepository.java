package eco2.my.profile;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for users.profiles. */
@RegisterConstructorMapper(Profile.class)
public interface ProfileRepository {
    String COLUMNS =
            "user_id, nickname, avatar_url, avatar_status, bio, points, level, total_scans, total_recycles, invite_code, "
                    + "created_at, updated_at";

    /** 0 when the user already has a profile, or (rarely) the invite code is taken: the caller retries with another. */
    @SqlUpdate("INSERT INTO profiles (user_id, nickname, invite_code) VALUES (:userId, :nickname, :inviteCode) "
            + "ON CONFLICT DO NOTHING")
    int insertIfAbsent(
            @Bind("userId") UUID userId, @Bind("nickname") String nickname, @Bind("inviteCode") String inviteCode);

    @SqlQuery("SELECT " + COLUMNS + " FROM profiles WHERE user_id = :userId AND deleted_at IS NULL")
    Optional<Profile> find(@Bind("userId") UUID userId);

    @SqlQuery("SELECT user_id FROM profiles WHERE invite_code = :code AND deleted_at IS NULL")
    Optional<UUID> findByInviteCode(@Bind("code") String code);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM profiles WHERE user_id = :userId)")
    boolean exists(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE profiles SET nickname = :nickname, updated_at = now() "
            + "WHERE user_id = :userId AND nickname = :placeholder")
    int replacePlaceholderNickname(
            @Bind("userId") UUID userId, @Bind("nickname") String nickname, @Bind("placeholder") String placeholder);

    @SqlUpdate("UPDATE profiles SET nickname = COALESCE(:nickname, nickname), bio = COALESCE(:bio, bio), "
            + "updated_at = now() WHERE user_id = :userId AND deleted_at IS NULL")
    int update(@Bind("userId") UUID userId, @Bind("nickname") String nickname, @Bind("bio") String bio);

    /** For the admin stats: profiles not deleted. */
    @SqlQuery("SELECT count(*) FROM profiles WHERE deleted_at IS NULL")
    long countActive();
}
