package eco2.workers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an answer may say: the intent, the guide's item (null when none matched), the bins, centres or characters
 * found, and their sources. An answer never states a rule that is not in here.
 */
public record Grounding(
        Intent intent,
        String question,
        boolean korean,
        boolean located,
        JsonNode item,
        List<JsonNode> bins,
        List<JsonNode> centers,
        List<JsonNode> characters,
        List<Source> sources) {}
