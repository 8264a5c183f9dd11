package eco2.workers.scan;

import eco2.workers.upstream.UpstreamFailure;
import java.util.concurrent.CompletableFuture;

/** Offline mode: a phrase is looked up in the sorting guide; the confidence is the search score. */
public final class OfflineClassifier implements Classifier {
    private final GuideMatch guide;

    public OfflineClassifier(GuideMatch guide) {
        this.guide = guide;
    }

    @Override
    public CompletableFuture<Classification> classify(ScanInput input) {
        if (input.text() == null) {
            // Submission refuses photos without a vision model; a task can still meet this after a config change.
            return CompletableFuture.failedFuture(
                    new UpstreamFailure(UpstreamFailure.ERROR, "No vision model is configured (VISION_MODEL)"));
        }
        return guide.find(input.text(), null);
    }
}
