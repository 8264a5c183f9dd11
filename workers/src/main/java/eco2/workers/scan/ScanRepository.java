package eco2.workers.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for scan tasks: creation, one update per stage outcome, and the guarded terminal transitions. */
@RegisterConstructorMapper(ScanTask.class)
public interface ScanRepository {
    String COLUMNS = "id, user_id, caller, input_text, region, has_image, status, stage, progress, "
            + "classification::text AS classification, facts::text AS facts, answer, paying, unlocked::text AS unlocked, "
            + "result::text AS result, error_code, error_message, created_at";

    @SqlUpdate("INSERT INTO tasks (id, user_id, caller, input_text, region, has_image) "
            + "VALUES (:id, :userId, :caller, :text, :region, :hasImage)")
    void insert(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("caller") String caller,
            @Bind("text") String text,
            @Bind("region") String region,
            @Bind("hasImage") boolean hasImage);

    @SqlUpdate("INSERT INTO images (task_id, content_type, bytes) VALUES (:id, :type, :bytes)")
    void insertImage(@Bind("id") UUID taskId, @Bind("type") String contentType, @Bind("bytes") byte[] bytes);

    @SqlQuery("SELECT content_type FROM images WHERE task_id = :id")
    Optional<String> imageType(@Bind("id") UUID taskId);

    @SqlQuery("SELECT bytes FROM images WHERE task_id = :id")
    Optional<byte[]> imageBytes(@Bind("id") UUID taskId);

    @SqlUpdate("DELETE FROM images WHERE task_id = :id")
    void deleteImage(@Bind("id") UUID taskId);

    @SqlQuery("SELECT " + COLUMNS + " FROM tasks WHERE id = :id")
    Optional<ScanTask> find(@Bind("id") UUID id);

    @SqlUpdate("UPDATE tasks SET classification = CAST(:json AS jsonb), status = 'processing', stage = 'vision', "
            + "progress = 25, updated_at = now() WHERE id = :id AND status IN ('queued', 'processing')")
    int saveVision(@Bind("id") UUID id, @Bind("json") String json);

    @SqlUpdate("UPDATE tasks SET facts = CAST(:json AS jsonb), stage = 'rule', progress = 50, updated_at = now() "
            + "WHERE id = :id AND status = 'processing'")
    int saveRule(@Bind("id") UUID id, @Bind("json") String json);

    @SqlUpdate("UPDATE tasks SET answer = :answer, stage = 'answer', progress = 75, updated_at = now() "
            + "WHERE id = :id AND status = 'processing'")
    int saveAnswer(@Bind("id") UUID id, @Bind("answer") String answer);

    @SqlQuery("SELECT paying FROM tasks WHERE id = :id FOR UPDATE")
    Optional<Boolean> lockPaying(@Bind("id") UUID id);

    @SqlUpdate("UPDATE tasks SET paying = :paying, stage = 'reward', progress = 100, updated_at = now() "
            + "WHERE id = :id AND paying IS NULL")
    int savePaying(@Bind("id") UUID id, @Bind("paying") boolean paying);

    /** One more paying scan for the day, unless the cap is reached: a row back means it pays. */
    @SqlQuery("INSERT INTO daily_paid (user_id, day, paid) VALUES (:userId, :day, 1) "
            + "ON CONFLICT (user_id, day) DO UPDATE SET paid = daily_paid.paid + 1 WHERE daily_paid.paid < :cap "
            + "RETURNING paid")
    Optional<Integer> countPaid(@Bind("userId") UUID userId, @Bind("day") LocalDate day, @Bind("cap") int cap);

    @SqlUpdate("UPDATE tasks SET status = 'done', stage = 'done', progress = 100, unlocked = CAST(:unlocked AS jsonb), "
            + "result = CAST(:result AS jsonb), updated_at = now(), finished_at = now() "
            + "WHERE id = :id AND status IN ('queued', 'processing')")
    int finish(@Bind("id") UUID id, @Bind("unlocked") String unlocked, @Bind("result") String result);

    @SqlUpdate("UPDATE tasks SET status = 'failed', error_code = :code, error_message = :message, "
            + "updated_at = now(), finished_at = now() WHERE id = :id AND status IN ('queued', 'processing')")
    int fail(@Bind("id") UUID id, @Bind("code") String code, @Bind("message") String message);

    @SqlUpdate("DELETE FROM tasks WHERE user_id = :userId")
    int deleteForUser(@Bind("userId") UUID userId);

    /** For the admin stats: scans submitted since then, by anyone. */
    @SqlQuery("SELECT count(*) FROM tasks WHERE created_at >= :since")
    long countCreatedSince(@Bind("since") Instant since);
}
