package eco2.workers.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.workers.llm.LlmSettings;
import eco2.workers.llm.OpenAiClient;
import eco2.workers.upstream.AsyncLimiter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Provider mode: the model rephrases the guide's facts for the person, under a system prompt that confines it
 * to them. With nothing identified there is nothing to rephrase, so the guide's own "not found" answer stands.
 */
public final class LlmAnswer implements AnswerWriter {
    private static final String PROMPT = "You are Eco², a recycling assistant in Korea. In 2 to 4 short sentences "
            + "in Korean, tell the person how to dispose of the item. Use ONLY the facts given as JSON; never add a "
            + "rule that is not in them.";

    private final OpenAiClient client;
    private final LlmSettings settings;
    private final AsyncLimiter limiter;
    private final GuideAnswer guide;
    private final ObjectMapper mapper;

    public LlmAnswer(
            OpenAiClient client, LlmSettings settings, AsyncLimiter limiter, GuideAnswer guide, ObjectMapper mapper) {
        this.client = client;
        this.settings = settings;
        this.limiter = limiter;
        this.guide = guide;
        this.mapper = mapper;
    }

    @Override
    public CompletableFuture<String> write(ScanInput input, Classification seen, ScanFacts facts) {
        if (facts.category() == null) return guide.write(input, seen, facts);
        String json;
        try {
            json = mapper.writeValueAsString(facts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Map<String, Object>> messages = List.of(
                Map.<String, Object>of("role", "system", "content", PROMPT),
                Map.<String, Object>of("role", "user", "content", json));
        return limiter.submit(() -> client.complete(settings.model(), messages, false, settings.scanTimeout()));
    }
}
