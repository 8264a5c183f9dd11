package eco2.my.avatar;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the avatar columns of users.profiles. */
@RegisterConstructorMapper(AvatarRepository.Avatar.class)
public interface AvatarRepository {
    /** The file shown as a user's avatar. */
    record Avatar(String avatarFile, String avatarContentType) {}

    @SqlUpdate("UPDATE profiles SET avatar_file = :file, avatar_content_type = :type, avatar_url = :url, "
            + "avatar_status = 'ready', updated_at = now() WHERE user_id = :userId AND deleted_at IS NULL")
    int set(
            @Bind("userId") UUID userId,
            @Bind("file") String file,
            @Bind("type") String contentType,
            @Bind("url") String url);

    /** {@code processing} on upload, {@code failed} when the job cannot decode it; the shown avatar stays. */
    @SqlUpdate("UPDATE profiles SET avatar_status = :status, updated_at = now() "
            + "WHERE user_id = :userId AND deleted_at IS NULL")
    int setStatus(@Bind("userId") UUID userId, @Bind("status") String status);

    @SqlQuery("SELECT avatar_file, avatar_content_type FROM profiles "
            + "WHERE user_id = :userId AND deleted_at IS NULL AND avatar_file IS NOT NULL")
    Optional<Avatar> find(@Bind("userId") UUID userId);
}
