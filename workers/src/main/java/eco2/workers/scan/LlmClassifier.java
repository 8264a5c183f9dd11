package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.workers.llm.LlmSettings;
import eco2.workers.llm.OpenAiClient;
import eco2.workers.upstream.AsyncLimiter;
import eco2.workers.upstream.InfoClient;
import eco2.workers.upstream.UpstreamFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Provider mode: the model names the category (one of info's keys), subcategory and item as JSON; the item is
 * then found in the guide. An answer that is not that JSON, or names a category off the list, is
 * {@code unrecognised}: never a guess.
 */
public final class LlmClassifier implements Classifier {
    private static final String PROMPT = "You classify one piece of household waste for Korean recycling rules. "
            + "Answer with a JSON object only: {\"category\": one of %s, \"subcategory\": string, "
            + "\"item_name\": short Korean name of the item, \"confidence\": number from 0 to 1}.";

    private final OpenAiClient client;
    private final LlmSettings settings;
    private final AsyncLimiter limiter;
    private final InfoClient info;
    private final GuideMatch guide;
    private final ObjectMapper mapper;

    public LlmClassifier(
            OpenAiClient client,
            LlmSettings settings,
            AsyncLimiter limiter,
            InfoClient info,
            GuideMatch guide,
            ObjectMapper mapper) {
        this.client = client;
        this.settings = settings;
        this.limiter = limiter;
        this.info = info;
        this.guide = guide;
        this.mapper = mapper;
    }

    @Override
    public CompletableFuture<Classification> classify(ScanInput input) {
        return info.categories().thenCompose(categories -> {
            String model = input.hasImage() ? settings.visionModel() : settings.model();
            if (model == null) {
                throw new UpstreamFailure(UpstreamFailure.ERROR, "No vision model is configured (VISION_MODEL)");
            }
            List<Map<String, Object>> messages = List.of(
                    Map.<String, Object>of("role", "system", "content", PROMPT.formatted(categories.keySet())),
                    Map.<String, Object>of("role", "user", "content", userContent(input)));
            return limiter.<String>submit(() -> client.complete(model, messages, true, settings.scanTimeout()))
                    .thenApply(answer -> parse(answer, categories.keySet()))
                    .thenCompose(seen -> inGuide(seen));
        });
    }

    private List<Map<String, Object>> userContent(ScanInput input) {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (input.text() != null) parts.add(Map.of("type", "text", "text", input.text()));
        if (input.hasImage()) {
            String url = "data:" + input.imageType() + ";base64,"
                    + Base64.getEncoder().encodeToString(input.image());
            parts.add(Map.of("type", "image_url", "image_url", Map.of("url", url)));
        }
        return parts;
    }

    private Classification parse(String answer, java.util.Set<String> categories) {
        JsonNode json;
        try {
            json = mapper.readTree(answer);
        } catch (IOException e) {
            throw unrecognised("The model's answer is not JSON");
        }
        String category = json.path("category").asText(null);
        JsonNode confidence = json.path("confidence");
        String itemName = json.path("item_name").asText(null);
        if (category == null || !categories.contains(category)) throw unrecognised("The model named no known category");
        if (!confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
            throw unrecognised("The model gave no confidence between 0 and 1");
        }
        if (itemName == null || itemName.isBlank() || itemName.length() > 100) {
            throw unrecognised("The model named no item");
        }
        return new Classification(
                category, json.path("subcategory").asText(null), itemName.strip(), null, confidence.asDouble());
    }

    /** The guide's own item for what the model saw, keeping the model's category and confidence. */
    private CompletableFuture<Classification> inGuide(Classification seen) {
        return guide.find(seen.itemName(), seen.category())
                .thenApply(found -> found.identified()
                        ? new Classification(
                                seen.category(),
                                found.subcategory(),
                                found.itemName(),
                                found.itemId(),
                                seen.confidence())
                        : seen);
    }

    private static UpstreamFailure unrecognised(String message) {
        return new UpstreamFailure(UpstreamFailure.UNRECOGNISED, message);
    }
}
