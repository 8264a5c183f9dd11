package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.workers.upstream.InfoClient;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the guide's item for a phrase through info's search, and takes the best hit only when its score says it
 * is one: below {@link #MIN_SCORE} the phrase matched nothing more than a word in some description.
 */
public final class GuideMatch {
    /** info scores 1 for an exact name; 0.5 and up are name or keyword hits, lower ones loose similarity. */
    static final double MIN_SCORE = 0.4;

    private final InfoClient info;

    public GuideMatch(InfoClient info) {
        this.info = info;
    }

    /** The best item for {@code phrase} (optionally within {@code category}), or {@link Classification#nothing()}. */
    public CompletableFuture<Classification> find(String phrase, String category) {
        return info.search(phrase, category, 1).thenApply(hits -> {
            JsonNode best = hits == null ? null : hits.path(0);
            if (best == null || best.isMissingNode() || best.path("score").asDouble() < MIN_SCORE) {
                return Classification.nothing();
            }
            return new Classification(
                    best.path("category").asText(),
                    best.path("subcategory").asText(null),
                    best.path("name").asText(),
                    UUID.fromString(best.path("id").asText()),
                    Math.min(1.0, best.path("score").asDouble()));
        });
    }
}
