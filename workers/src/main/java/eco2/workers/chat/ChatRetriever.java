package eco2.workers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.workers.character.CharacterService;
import eco2.workers.upstream.InfoClient;
import eco2.workers.upstream.LocationClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Gathers what an answer may use: the guide's best item for the question (earlier questions of the conversation
 * inform the search, so 「그럼 뚜껑은?」 after a PET bottle looks for PET bottle caps), nearby bins and centres when
 * the request has a location, and the character catalogue.
 */
public final class ChatRetriever {
    /** As for scans: below this info's score is a loose similarity, not the item. */
    static final double MIN_SCORE = 0.4;

    private static final int MAX_QUERIES = 8;

    private final InfoClient info;
    private final LocationClient location;
    private final CharacterService characters;
    private final Executor db;

    public ChatRetriever(InfoClient info, LocationClient location, CharacterService characters, Executor db) {
        this.info = info;
        this.location = location;
        this.characters = characters;
        this.db = db;
    }

    public CompletableFuture<Grounding> retrieve(ChatRequest request, List<String> earlierQuestions) {
        String question = request.question();
        Intent asked = IntentRules.classify(question);
        boolean korean = ChatText.korean(question);
        if (asked.declined() && asked != Intent.GENERAL) {
            return CompletableFuture.completedFuture(
                    grounding(asked, request, korean, null, List.of(), List.of(), List.of()));
        }
        CompletableFuture<JsonNode> item = asked == Intent.CHARACTER
                ? CompletableFuture.completedFuture(null)
                : bestItem(question, earlierQuestions, asked == Intent.BULK_WASTE ? "large" : null);
        return item.thenCompose(found -> {
            Intent intent = asked == Intent.GENERAL && found != null ? Intent.WASTE : asked;
            boolean places = intent == Intent.LOCATION || intent == Intent.COLLECTION_POINT;
            CompletableFuture<List<JsonNode>> bins = places && request.located()
                    ? location.bins(request.latitude(), request.longitude(), binType(question, found), 3)
                            .thenApply(ChatRetriever::list)
                    : CompletableFuture.completedFuture(List.of());
            CompletableFuture<List<JsonNode>> centers = places && request.located()
                    ? location.centers(request.latitude(), request.longitude(), 2)
                            .thenApply(ChatRetriever::list)
                    : CompletableFuture.completedFuture(List.of());
            CompletableFuture<List<JsonNode>> catalogue = intent == Intent.CHARACTER
                    ? CompletableFuture.supplyAsync(() -> characterNodes(), db)
                    : CompletableFuture.completedFuture(List.of());
            return bins.thenCombine(centers, (b, c) -> new Object[] {b, c}).thenCombine(catalogue, (bc, chars) -> {
                @SuppressWarnings("unchecked")
                List<JsonNode> b = (List<JsonNode>) bc[0];
                @SuppressWarnings("unchecked")
                List<JsonNode> c = (List<JsonNode>) bc[1];
                return grounding(intent, request, korean, found, b, c, chars);
            });
        });
    }

    /** The best-scoring hit over the question's terms, and those terms joined to the earlier question's. */
    private CompletableFuture<JsonNode> bestItem(String question, List<String> earlier, String category) {
        List<String> queries = new ArrayList<>(SearchTerms.of(question));
        if (!earlier.isEmpty()) {
            List<String> before = SearchTerms.of(earlier.get(earlier.size() - 1));
            for (String topic : before.stream().limit(2).toList()) {
                for (String term : SearchTerms.of(question).stream().limit(2).toList()) queries.add(topic + " " + term);
            }
        }
        List<CompletableFuture<JsonNode>> hits = queries.stream()
                .distinct()
                .limit(MAX_QUERIES)
                .filter(q -> q.codePointCount(0, q.length()) <= 100)
                .map(q -> info.search(q, category, 1).thenApply(items -> items == null ? null : items.path(0)))
                .toList();
        return CompletableFuture.allOf(hits.toArray(CompletableFuture[]::new))
                .thenApply(done -> hits.stream()
                        .map(CompletableFuture::join)
                        .filter(hit -> hit != null
                                && !hit.isMissingNode()
                                && hit.path("score").asDouble() >= MIN_SCORE)
                        .max(Comparator.comparingDouble(hit -> hit.path("score").asDouble()))
                        .orElse(null));
    }

    private List<JsonNode> characterNodes() {
        return characters.page(13, 0).stream()
                .map(c -> (JsonNode) com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("code", c.code())
                        .put("name", c.name())
                        .put("type_label", c.typeLabel())
                        .put("unlock_hint", c.unlockHint()))
                .toList();
    }

    /** The bin type location knows for what is asked about, if any: batteries and clothes have their own bins. */
    private static String binType(String question, JsonNode item) {
        String text =
                (question + " " + (item == null ? "" : item.path("subcategory").asText())).toLowerCase(Locale.ROOT);
        if (text.contains("건전지") || text.contains("배터리") || text.contains("전지") || text.contains("batter")) {
            return "battery";
        }
        if (text.contains("옷") || text.contains("의류") || text.contains("cloth")) return "clothes";
        return null;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) array.forEach(out::add);
        return out;
    }

    private static Grounding grounding(
            Intent intent,
            ChatRequest request,
            boolean korean,
            JsonNode item,
            List<JsonNode> bins,
            List<JsonNode> centers,
            List<JsonNode> characters) {
        List<Source> sources = new ArrayList<>();
        if (item != null)
            sources.add(new Source(
                    "item", item.path("id").asText(), item.path("name").asText()));
        bins.forEach(b -> sources.add(
                new Source("bin", b.path("id").asText(), b.path("name").asText())));
        centers.forEach(c -> sources.add(
                new Source("center", c.path("id").asText(), c.path("name").asText())));
        characters.forEach(c -> sources.add(
                new Source("character", c.path("code").asText(), c.path("name").asText())));
        return new Grounding(
                intent,
                request.question(),
                korean,
                request.located(),
                item,
                bins,
                centers,
                characters,
                List.copyOf(sources));
    }
}
