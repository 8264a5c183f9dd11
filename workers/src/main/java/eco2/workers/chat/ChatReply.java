package eco2.workers.chat;

import eco2.workers.llm.TokenSink;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the answer for a grounding, piece by piece: {@code onText} gets each piece as it is produced (a word
 * offline, a token from a provider; a provider waits for the sink's room), and the future completes with the whole
 * text. Cancelling the future stops the production (and the provider's request).
 */
public interface ChatReply {
    CompletableFuture<String> write(ChatRequest request, Grounding grounding, TokenSink onText);
}
