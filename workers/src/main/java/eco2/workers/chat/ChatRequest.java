package eco2.workers.chat;

import java.util.List;
import java.util.UUID;

/**
 * A validated POST /chat/completions. The OpenAI sampling fields (temperature, seed, …) are accepted and ignored
 * offline; with a provider, {@code maxTokens} is passed on.
 */
public record ChatRequest(
        List<ChatMessage> messages,
        boolean stream,
        boolean includeUsage,
        UUID sessionId,
        Double latitude,
        Double longitude,
        String model,
        Integer maxTokens) {

    /** The newest user message: what this request asks. */
    public String question() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        throw new IllegalStateException("validated requests have a user message");
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
