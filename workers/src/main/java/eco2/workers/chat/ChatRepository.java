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

    @SqlQuery("SELECT id, title, message_count, last_message_at FROM sessions WHERE id = :id AND user_id = :userId")
    Optional<SessionRow> session(@Bind("id") UUID id, @Bind("userId") UUID userId);

    /** A new session with its first message, in one statement (and so one round trip and one commit). */
    @SqlUpdate("WITH s AS (INSERT INTO sessions (id, user_id, title, message_count) "
            + "VALUES (:session, :userId, :title, 1) RETURNING id) "
            + "INSERT INTO messages (id, session_id, role, content) SELECT :id, s.id, 'user', :content FROM s")
    void startSession(
            @Bind("session") UUID session,
            @Bind("userId") UUID userId,
            @Bind("title") String title,
            @Bind("id") UUID id,
            @Bind("content") String content);

    /**
     * A message added to the owner's session, counted in it, in one statement; 0 when the session is not the owner's
     * (or is gone).
     */
    @SqlUpdate("WITH s AS (UPDATE sessions SET message_count = message_count + 1, last_message_at = now() "
            + "WHERE id = :session AND user_id = :userId RETURNING id) "
            + "INSERT INTO messages (id, session_id, role, content, intent, sources, finish_reason) "
            + "SELECT :id, s.id, :role, :content, :intent, CAST(:sources AS jsonb), :finish FROM s")
    int addMessage(
            @Bind("session") UUID session,
            @Bind("userId") UUID userId,
            @Bind("id") UUID id,
            @Bind("role") String role,
            @Bind("content") String content,
            @Bind("intent") String intent,
            @Bind("sources") String sources,
            @Bind("finish") String finishReason);

    /** The questions asked so far in the owner's session; none when it is not the owner's. */
    @SqlQuery("SELECT m.content FROM messages m JOIN sessions s ON s.id = m.session_id "
            + "WHERE m.session_id = :session AND s.user_id = :userId AND m.role = 'user' ORDER BY m.created_at, m.id")
    List<String> userMessages(@Bind("session") UUID session, @Bind("userId") UUID userId);

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
