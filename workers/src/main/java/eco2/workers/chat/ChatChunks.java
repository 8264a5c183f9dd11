package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The OpenAI wire shapes of one completion: the whole answer, its stream chunks, and Eco²'s {@code eco2} object. */
final class ChatChunks {
    final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    final long created;
    final String model;
    final UUID sessionId;

    ChatChunks(long created, String model, UUID sessionId) {
        this.created = created;
        this.model = model;
        this.sessionId = sessionId;
    }

    Map<String, Object> completion(ChatAnswer answer, Map<String, Object> usage) {
        Map<String, Object> body = head("chat.completion");
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", Map.of("role", "assistant", "content", answer.content()));
        choice.put("finish_reason", answer.finishReason());
        body.put("choices", List.of(choice));
        body.put("usage", usage);
        body.put("eco2", eco2(answer.grounding()));
        return body;
    }

    Map<String, Object> delta(Map<String, Object> delta, String finishReason, Grounding grounding) {
        Map<String, Object> body = head("chat.completion.chunk");
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        body.put("choices", List.of(choice));
        if (grounding != null) body.put("eco2", eco2(grounding));
        return body;
    }

    /**
     * Content deltas as whole SSE events, byte for byte what Jackson writes for {@link #delta}: the chunk is
     * serialised once around a marker, and each token only has its string escaped into the gap. This is the path
     * of every streamed token, so it builds no maps.
     */
    Function<String, byte[]> contentEvents(ObjectMapper mapper) {
        String marker = "\0eco2-piece\0";
        String template = Json.write(mapper, delta(Map.of("content", marker), null, null));
        String quoted = Json.write(mapper, marker);
        int at = template.lastIndexOf(quoted); // the content comes after the caller's model name
        String before = "data: " + template.substring(0, at);
        String after = template.substring(at + quoted.length()) + "\n\n";
        return piece -> (before + Json.write(mapper, piece) + after).getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> usageChunk(Map<String, Object> usage) {
        Map<String, Object> body = head("chat.completion.chunk");
        body.put("choices", List.of());
        body.put("usage", usage);
        return body;
    }

    static Map<String, Object> usage(ChatRequest request, String answer) {
        int prompt =
                request.messages().stream().mapToInt(m -> words(m.content())).sum();
        int completion = words(answer);
        return Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
    }

    private Map<String, Object> eco2(Grounding grounding) {
        Map<String, Object> eco2 = new LinkedHashMap<>();
        eco2.put("session_id", sessionId.toString());
        eco2.put("intent", grounding.intent().key());
        eco2.put("sources", grounding.sources());
        return eco2;
    }

    private Map<String, Object> head(String object) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", model);
        return body;
    }

    /** Offline there is no tokenizer: usage counts words, which is what the answer is streamed in. */
    private static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
