package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.workers.llm.LlmSettings;
import eco2.workers.llm.OpenAiStream;
import eco2.workers.llm.TokenSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Provider-backed replies: the same grounding as offline, given to the model under a system prompt that confines
 * it to those facts; its tokens are handed on as they arrive. Questions Eco² declines are answered offline.
 */
public final class LlmReply implements ChatReply {
    private static final String PROMPT = "You are Eco², a recycling assistant for Korea. Answer in the user's "
            + "language in a few sentences. Use ONLY the facts in the JSON below (from Eco²'s sorting guide and "
            + "nearby search); if they do not answer the question, say that the guide does not cover it. Never add a "
            + "disposal rule that is not in the facts.\nFacts: ";

    private final OpenAiStream provider;
    private final LlmSettings settings;
    private final GuideReply offline;
    private final ObjectMapper mapper;

    public LlmReply(OpenAiStream provider, LlmSettings settings, GuideReply offline, ObjectMapper mapper) {
        this.provider = provider;
        this.settings = settings;
        this.offline = offline;
        this.mapper = mapper;
    }

    @Override
    public CompletableFuture<String> write(ChatRequest request, Grounding grounding, TokenSink onText) {
        if (grounding.intent().declined() && grounding.intent() != Intent.GENERAL) {
            return offline.write(request, grounding, onText);
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", PROMPT + facts(grounding)));
        for (ChatMessage m : request.messages()) {
            if (!m.role().equals("system")) messages.add(Map.of("role", m.role(), "content", m.content()));
        }
        return provider.stream(settings.model(), messages, request.maxTokens(), onText);
    }

    private String facts(Grounding g) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("intent", g.intent().key());
        if (g.item() != null) facts.put("item", g.item());
        if (!g.bins().isEmpty()) facts.put("bins", g.bins());
        if (!g.centers().isEmpty()) facts.put("centers", g.centers());
        if (!g.characters().isEmpty()) facts.put("characters", g.characters());
        return Json.write(mapper, facts);
    }
}
