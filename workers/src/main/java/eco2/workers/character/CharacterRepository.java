package eco2.workers.character;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the character catalogue, the subcategory mapping and who owns what. */
@RegisterConstructorMapper(Character.class)
@RegisterConstructorMapper(OwnedCharacter.class)
public interface CharacterRepository {
    String COLUMNS = "code, name, type_label, dialog, unlock_hint, is_default";

    @SqlQuery("SELECT " + COLUMNS + " FROM characters ORDER BY position LIMIT :limit OFFSET :offset")
    List<Character> page(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT count(*) FROM characters")
    int count();

    @SqlQuery("SELECT " + COLUMNS + " FROM characters WHERE is_default")
    List<Character> defaults();

    @SqlQuery("SELECT c.code, c.name, c.type_label, c.dialog, c.unlock_hint, c.is_default FROM characters c "
            + "JOIN subcategory_characters s ON s.code = c.code WHERE s.subcategory = :subcategory")
    Optional<Character> forSubcategory(@Bind("subcategory") String subcategory);

    @SqlUpdate("INSERT INTO ownerships (user_id, code, source, task_id) VALUES (:userId, :code, :source, :taskId) "
            + "ON CONFLICT DO NOTHING")
    int own(
            @Bind("userId") UUID userId,
            @Bind("code") String code,
            @Bind("source") String source,
            @Bind("taskId") UUID taskId);

    @SqlQuery("SELECT task_id FROM ownerships WHERE user_id = :userId AND code = :code")
    Optional<UUID> unlockedBy(@Bind("userId") UUID userId, @Bind("code") String code);

    @SqlQuery("SELECT o.code, c.name, o.unlocked_at, o.source FROM ownerships o JOIN characters c ON c.code = o.code "
            + "WHERE o.user_id = :userId ORDER BY o.unlocked_at, c.position")
    List<OwnedCharacter> owned(@Bind("userId") UUID userId);

    @SqlUpdate("DELETE FROM ownerships WHERE user_id = :userId")
    int deleteForUser(@Bind("userId") UUID userId);
}
