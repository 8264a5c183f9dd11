package eco2.my.avatar;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the avatar columns of users.profiles. */
@RegisterConstructorMapper(AvatarRepository.Avatar.class)
@RegisterConstructorMapper(AvatarRepository.Files.class)
public interface AvatarRepository {
    /** The file shown as a user's avatar. */
    record Avatar(String avatarFile, String avatarContentType) {}

    /** The files behind the shown avatar (each may be null: no avatar yet, or one older than avatar_original). */
    record Files(String avatarFile, String avatarOriginal) {
        Stream<String> names() {
            return Stream.of(avatarFile, avatarOriginal).filter(name -> name != null);
        }
    }

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM profiles WHERE user_id = :userId AND deleted_at IS NULL)")
    boolean live(@Bind("userId") UUID userId);

    /** Locks the live profile row, so two jobs of one user replace each other's files in order. */
    @SqlQuery("SELECT avatar_file, avatar_original FROM profiles "
            + "WHERE user_id = :userId AND deleted_at IS NULL FOR UPDATE")
    Optional<Files> lockShown(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE profiles SET avatar_file = :file, avatar_original = :original, avatar_content_type = :type, "
            + "avatar_url = :url, avatar_status = 'ready', updated_at = now() "
            + "WHERE user_id = :userId AND deleted_at IS NULL")
    int set(
            @Bind("userId") UUID userId,
            @Bind("file") String file,
            @Bind("original") String original,
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
