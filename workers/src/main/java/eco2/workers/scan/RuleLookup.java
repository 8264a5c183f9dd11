package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.workers.upstream.InfoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The rule stage: {@code GET /items/{id}} for the identified item and {@code GET /rules/{region}} when given. */
public final class RuleLookup {
    private final InfoClient info;

    public RuleLookup(InfoClient info) {
        this.info = info;
    }

    public CompletableFuture<ScanFacts> facts(Classification seen, String region) {
        CompletableFuture<JsonNode> item =
                seen.identified() ? info.item(seen.itemId()) : CompletableFuture.completedFuture(null);
        CompletableFuture<JsonNode> rules =
                region == null ? CompletableFuture.completedFuture(null) : info.rules(region);
        return item.thenCombine(
                rules,
                (found, regional) -> new ScanFacts(
                        found == null ? seen.itemName() : found.path("name").asText(),
                        found == null ? seen.category() : found.path("category").asText(),
                        found == null
                                ? seen.subcategory()
                                : found.path("subcategory").asText(null),
                        found == null ? List.of() : texts(found.path("how_to_recycle")),
                        found == null ? List.of() : texts(found.path("do_not_do")),
                        regional == null ? null : regional.path("name").asText(null),
                        regional == null ? null : regional.path("recyclables").asText(null)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return List.copyOf(out);
    }
}
