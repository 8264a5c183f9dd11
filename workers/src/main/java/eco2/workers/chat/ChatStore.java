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

    public Opened open(UUID userId, UUID sessionId, String question) {
        return jdbi.inTransaction(tx -> {
            ChatRepository repo = tx.attach(ChatRepository.class);
            UUID id = sessionId;
            List<String> earlier = List.of();
            if (id == null) {
                id = UUID.randomUUID();
                repo.createSession(id, userId, title(question));
            } else {
                repo.session(id, userId).orElseThrow(() -> new NotFound("No such chat session"));
                earlier = repo.userMessages(id);
            }
            repo.addMessage(UUID.randomUUID(), id, "user", question, null, "[]", null);
            repo.touch(id);
            return new Opened(id, earlier);
        });
    }

    public void answer(UUID sessionId, String content, Intent intent, List<Source> sources, String finishReason) {
        String json = Json.write(mapper, sources);
        jdbi.useTransaction(tx -> {
            ChatRepository repo = tx.attach(ChatRepository.class);
            repo.addMessage(UUID.randomUUID(), sessionId, "assistant", content, intent.key(), json, finishReason);
            repo.touch(sessionId);
        });
    }

    private static String title(String question) {
        String line = question.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= TITLE_LENGTH
                ? line
                : line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }
}
