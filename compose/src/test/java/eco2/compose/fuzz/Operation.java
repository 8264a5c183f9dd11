package eco2.compose.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operation of the served OpenAPI document, reduced to what the fuzzer needs: its parameters, how its body is
 * encoded and how a caller may authenticate. {@code $ref}s are resolved against the document's components.
 */
record Operation(
        String method,
        String path,
        List<Param> params,
        Body body,
        JsonNode bodySchema,
        boolean bodyRequired,
        boolean bearer,
        boolean apiKey,
        boolean anonymous) {

    /** How the request body travels. The spec writes forms as OpenAPI 2 {@code formData} parameters. */
    enum Body {
        NONE,
        JSON,
        CSV,
        FORM,
        MULTIPART
    }

    record Param(String name, String in, boolean required, JsonNode schema) {
        String type() {
            return schema.path("type").asText("string");
        }
    }

    String id() {
        return method + " " + path;
    }

    boolean admin() {
        return path.contains("/admin/");
    }

    List<Param> in(String where) {
        return params.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** Every operation of {@code spec}, in document order. */
    static List<Operation> all(JsonNode spec) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey()))
                    operations.add(of(spec, op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }
        return operations;
    }

    private static Operation of(JsonNode spec, String method, String path, JsonNode op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters"))
            params.add(new Param(
                    p.path("name").asText(),
                    p.path("in").asText(),
                    p.path("required").asBoolean(false),
                    resolve(spec, p.path("schema"))));
        JsonNode content = op.path("requestBody").path("content");
        Body body = Body.NONE;
        JsonNode schema = MissingNode.getInstance();
        if (content.has("application/json")) {
            body = Body.JSON;
            schema = resolve(spec, content.path("application/json").path("schema"));
        } else if (content.has("text/csv")) {
            body = Body.CSV;
        } else if (content.has("multipart/form-data")) {
            body = Body.MULTIPART;
        } else if (content.has("application/x-www-form-urlencoded")) {
            body = Body.FORM;
        } else if (params.stream().anyMatch(p -> p.in().equals("formData"))) {
            body = params.stream()
                            .anyMatch(p -> p.in().equals("formData") && p.name().equals("file"))
                    ? Body.MULTIPART
                    : Body.FORM;
        }
        boolean bearer = false, apiKey = false, anonymous = false;
        for (JsonNode requirement : op.path("security")) {
            if (requirement.size() == 0) anonymous = true;
            if (requirement.has("BearerAuth")) bearer = true;
            if (requirement.has("ApiKeyAuth")) apiKey = true;
        }
        if (op.path("security").size() == 0) anonymous = true;
        if (apiKey && !bearer && anonymous) bearer = true; // "anonymous or key": a bearer token is welcome too
        return new Operation(
                method,
                path,
                List.copyOf(params),
                body,
                schema,
                op.path("requestBody").path("required").asBoolean(false),
                bearer,
                apiKey,
                anonymous);
    }

    /** The schema with {@code $ref}s replaced by their targets, recursively (the spec has no cycles). */
    static JsonNode resolve(JsonNode spec, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            return resolve(spec, spec.path("components").path("schemas").path(name));
        }
        if (schema.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy =
                    ((com.fasterxml.jackson.databind.node.ObjectNode) schema).deepCopy();
            schema.properties().forEach(e -> copy.set(e.getKey(), resolve(spec, e.getValue())));
            return copy;
        }
        return schema;
    }
}
