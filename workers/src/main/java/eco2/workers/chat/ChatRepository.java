package eco2.workers.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for chat sessions and messages; every read and delete is scoped to the owner. */
@RegisterConstructorMapper(ChatRepository.SessionRow.class)
@RegisterConstructorMapper(ChatRepository.MessageRow.class)
public interface ChatRepository {
    /** A session in the feed. */
    record SessionRow(UUID id, String title, int messageCount, Instant lastMessageAt) {}

    /** A stored message; {@code sources} is JSON text. */
    record MessageRow(UUID id, String role, String content, String intent, String sources, Instant createdAt) {}

    @SqlUpdate("INSERT INTO sessions (id, user_id, title) VALUES (:id, :userId, :title)")
    void createSession(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("title") String title);

    @SqlQuery("SELECT id, title, message_count, last_message_at FROM sessions WHERE id = :id AND user_id = :userId")
    Optional<SessionRow> session(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlUpdate("INSERT INTO messages (id, session_id, role, content, intent, sources, finish_reason) "
            + "VALUES (:id, :session, :role, :content, :intent, CAST(:sources AS jsonb), :finish)")
    void addMessage(
            @Bind("id") UUID id,
            @Bind("session") UUID session,
            @Bind("role") String role,
            @Bind("content") String content,
            @Bind("intent") String intent,
            @Bind("sources") String sources,
            @Bind("finish") String finishReason);

    @SqlUpdate("UPDATE sessions SET message_count = message_count + 1, last_message_at = now() WHERE id = :id")
    void touch(@Bind("id") UUID id);

    @SqlQuery("SELECT content FROM messages WHERE session_id = :session AND role = 'user' ORDER BY created_at, id")
    List<String> userMessages(@Bind("session") UUID session);

    @SqlQuery("SELECT id, role, content, intent, sources::text AS sources, created_at FROM messages "
            + "WHERE session_id = :session ORDER BY created_at, id")
    List<MessageRow> messages(@Bind("session") UUID session);

    @SqlQuery("SELECT id, title, message_count, last_message_at FROM sessions WHERE user_id = :userId "
            + "AND (CAST(:at AS timestamptz) IS NULL OR (last_message_at, id) < (:at, :after)) "
            + "ORDER BY last_message_at DESC, id DESC LIMIT :limit")
    List<SessionRow> feed(
            @Bind("userId") UUID userId, @Bind("at") Instant at, @Bind("after") UUID after, @Bind("limit") int limit);

    @SqlUpdate("DELETE FROM sessions WHERE id = :id AND user_id = :userId")
    int delete(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    int deleteForUser(@Bind("userId") UUID userId);

    /** For the admin stats: messages (questions and answers) of every user since then. */
    @SqlQuery("SELECT count(*) FROM messages WHERE created_at >= :since")
    long countMessagesSince(@Bind("since") Instant since);
}
