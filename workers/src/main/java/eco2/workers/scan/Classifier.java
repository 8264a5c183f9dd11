package eco2.workers.scan;

import java.util.concurrent.CompletableFuture;

/** "What is this piece of waste?": the provider-backed model or the offline guide search, never a guess. */
public interface Classifier {
    CompletableFuture<Classification> classify(ScanInput input);
}
