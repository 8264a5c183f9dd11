package eco2.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.json.JsonBody;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catches drift between the served OpenAPI spec and what the server accepts: each given body class must be a JSON
 * request body of the spec, advertising exactly the fields {@link JsonBody} accepts for it (no helper methods
 * showing up as fields, no field the server refuses as unknown).
 */
public final class SpecDrift {
    private SpecDrift() {}

    public static void assertBodiesMatch(JsonNode spec, JsonBody reader, Class<?>... bodies) {
        Map<String, Class<?>> byName =
                Arrays.stream(bodies).collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        assertThat(requestBodySchemas(spec))
                .as("JSON request bodies in the spec")
                .containsAll(byName.keySet());
        for (String name : byName.keySet()) {
            Set<String> advertised = new TreeSet<>();
            spec.path("components")
                    .path("schemas")
                    .path(name)
                    .path("properties")
                    .fieldNames()
                    .forEachRemaining(advertised::add);
            assertThat(advertised)
                    .as("fields the spec advertises for %s", name)
                    .isEqualTo(new TreeSet<>(reader.acceptedFields(byName.get(name))));
        }
    }

    private static Set<String> requestBodySchemas(JsonNode spec) {
        Set<String> names = new TreeSet<>();
        for (Iterator<JsonNode> paths = spec.path("paths").elements(); paths.hasNext(); ) {
            for (Iterator<JsonNode> operations = paths.next().elements(); operations.hasNext(); ) {
                String ref = operations
                        .next()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText("");
                if (ref.startsWith("#/components/schemas/")) names.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
        }
        return names;
    }
}
