package eco2.workers.llm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where streamed text goes: each piece as it is produced, and when the reader can take more. A producer that
 * reads from a network peer (the provider) waits for {@link #room()} before reading on, so a slow reader slows
 * the upstream instead of filling memory.
 */
@FunctionalInterface
public interface TokenSink {
    CompletionStage<Void> ROOM = CompletableFuture.completedFuture(null);

    void accept(String piece);

    /** Completes when more pieces may be sent; already complete while the reader keeps up. */
    default CompletionStage<Void> room() {
        return ROOM;
    }
}
