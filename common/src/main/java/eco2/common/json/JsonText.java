package eco2.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.error.FieldErrors;
import java.util.Map;
import java.util.Set;

/** Applies {@link TextRule} to every string in a JSON body, nested ones included, naming each bad field. */
final class JsonText {
    private JsonText() {}

    /**
     * Checks the {@code known} fields (unknown ones are already an error of their own); {@code multiLine} names
     * those marked {@link MultiLine}. Nested strings are single-line.
     */
    static void check(JsonNode body, Set<String> known, Set<String> multiLine, FieldErrors errors) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (known.contains(field.getKey()))
                check(field.getKey(), field.getValue(), multiLine.contains(field.getKey()), errors);
        }
    }

    private static void check(String path, JsonNode value, boolean multiLine, FieldErrors errors) {
        if (value.isTextual()) {
            String problem = TextRule.problem(value.textValue(), multiLine);
            if (problem != null) errors.add(path, problem);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) check(path + "[" + i + "]", value.get(i), false, errors);
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                check(path + "." + field.getKey(), field.getValue(), false, errors);
            }
        }
    }
}
