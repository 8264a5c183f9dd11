package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.NotFound;
import eco2.common.json.Json;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Stores conversations: the session a request belongs to, its user message at once, the answer when it ends. */
public final class ChatStore {
    static final int TITLE_LENGTH = 40;

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public ChatStore(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** What a request starts with: its session (new, or the caller's own) and the user's earlier questions. */
    public record Opened(UUID sessionId, List<String> earlierQuestions) {}

    /**
     * The session and the user's message, stored before the answer starts. Autocommitted single statements: a new
     * session and its first message are one insert, an existing one is a read of its questions and one insert (0 rows
     * when the session is not the caller's), so a request costs the pool one or two round trips and one commit.
     */
    public Opened open(UUID userId, UUID sessionId, String question) {
        return jdbi.withExtension(ChatRepository.class, repo -> {
            if (sessionId == null) {
                UUID id = UUID.randomUUID();
                repo.startSession(id, userId, title(question), UUID.randomUUID(), question);
                return new Opened(id, List.of());
            }
            List<String> earlier = repo.userMessages(sessionId, userId);
            int added = repo.addMessage(sessionId, userId, UUID.randomUUID(), "user", question, null, "[]", null);
            if (added == 0) throw new NotFound("No such chat session");
            return new Opened(sessionId, earlier);
        });
    }

    /** The answer, counted in its session; nothing when the session was deleted meanwhile. */
    public void answer(
            UUID userId, UUID sessionId, String content, Intent intent, List<Source> sources, String finishReason) {
        String json = Json.write(mapper, sources);
        jdbi.useExtension(
                ChatRepository.class,
                repo -> repo.addMessage(
                        sessionId, userId, UUID.randomUUID(), "assistant", content, intent.key(), json, finishReason));
    }

    private static String title(String question) {
        String line = question.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= TITLE_LENGTH
                ? line
                : line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }
}
