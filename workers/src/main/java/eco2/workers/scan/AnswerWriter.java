package eco2.workers.scan;

import java.util.concurrent.CompletableFuture;

/** The answer stage: the few sentences a person reads, from the guide's facts only. */
public interface AnswerWriter {
    CompletableFuture<String> write(ScanInput input, Classification seen, ScanFacts facts);
}
