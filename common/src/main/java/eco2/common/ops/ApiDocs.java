package eco2.common.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eco2.common.http.KeyRoute;
import io.javalin.config.JavalinConfig;
import io.javalin.openapi.plugin.redoc.ReDocPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds one OpenAPI document from the specs the annotation processor writes at compile time. Each module
 * tags its handlers with its own version name, so its spec lands in {@code openapi-plugin/openapi-<name>.json};
 * that keeps the specs apart when several services share one classpath, and here they are merged.
 */
public final class ApiDocs {
    public static final String SPEC_PATH = "/openapi.json";
    /** Where a mounted spec's paths start; replaced by each mount's prefix. */
    public static final String MOUNT_POINT = "/__mount__";

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final String JSON_NODE_REF = "#/components/schemas/JsonNode";
    private static final String DESCRIPTION =
            "Eco², a recycling app: sorting guidance, nearby bins and centres, a chatbot, and points, levels and "
                    + "characters. Success bodies are the resource itself; every error is the ErrorEnvelope "
                    + "(success false, a code, a message, errors per field and the request_id). Send "
                    + "`Authorization: Bearer <access_token>` (POST /api/v1/auth/login), or `X-API-Key` on the "
                    + "operations that list ApiKeyAuth. Limited answers carry RateLimit-Limit, RateLimit-Remaining "
                    + "and RateLimit-Reset; a 429 adds Retry-After. X-Request-ID is echoed, or generated.";
    /** Tags of the operations {@code common} documents itself. */
    private static final Map<String, String> COMMON_TAGS = Map.of(
            "ops", "Liveness, readiness, metrics and this document; served by every service, never rate limited",
            "admin", "Each service's admin endpoints (admin role): counts, outbox backlog and dead letters");

    private ApiDocs() {}

    public static void plugins(JavalinConfig config) {
        config.registerPlugin(new SwaggerPlugin(swagger -> {
            swagger.setUiPath("/docs");
            swagger.setDocumentationPath(SPEC_PATH);
            swagger.setTitle("Eco² API");
        }));
        config.registerPlugin(new ReDocPlugin(redoc -> {
            redoc.setUiPath("/redoc");
            redoc.setDocumentationPath(SPEC_PATH);
            redoc.setTitle("Eco² API");
        }));
    }

    /**
     * A spec written once in {@code common} for routes every service mounts under its own prefix (the admin
     * endpoints): its paths start with {@link #MOUNT_POINT}, which is replaced by {@code prefix}.
     */
    public record Mount(String spec, String prefix) {
        /**
         * Operation ids stay unique when several services mount the same spec: the last segment of the prefix
         * goes after the verb ({@code getAdminStats} under {@code /api/v1/users} is {@code getUsersAdminStats}).
         */
        JsonNode qualify(JsonNode pathItem) {
            String segment = prefix.substring(prefix.lastIndexOf('/') + 1);
            if (segment.isEmpty()) return pathItem;
            String qualifier = Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
            pathItem.forEach(op -> {
                String id = op.path("operationId").asText("");
                if (op instanceof ObjectNode operation && !id.isEmpty()) {
                    int verbEnd = 0;
                    while (verbEnd < id.length() && Character.isLowerCase(id.charAt(verbEnd))) verbEnd++;
                    operation.put("operationId", id.substring(0, verbEnd) + qualifier + id.substring(verbEnd));
                }
            });
            return pathItem;
        }
    }

    /**
     * The merged document; each operation in {@code keyRoutes} also lists {@code X-API-Key} as a way in, and
     * {@code tags} describes the modules' tags (common's own, ops and admin, are described here).
     */
    public static String merged(
            ObjectMapper mapper,
            String title,
            List<String> specNames,
            List<Mount> mounts,
            List<KeyRoute> keyRoutes,
            Map<String, String> tags) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info").put("title", title).put("version", "v1");
        info.put("description", DESCRIPTION);
        info.putObject("contact").put("name", "Eco² backend");
        // Relative: each service, the gateway and the dev launcher serve the API beside this document.
        doc.putArray("servers").addObject().put("url", "/").put("description", "the host that serves this document");
        ArrayNode tagList = doc.putArray("tags");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("BearerAuth")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        // Swagger UI's Authorize button signs in through auth's OAuth2 password form.
        schemes.putObject("OAuth2Password")
                .put("type", "oauth2")
                .putObject("flows")
                .putObject("password")
                .put("tokenUrl", "/api/v1/auth/token")
                .putObject("scopes");
        schemes.putObject("ApiKeyAuth")
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-API-Key")
                .put(
                        "description",
                        "An integrator's API key (POST /api/v1/auth/api-keys), only on the operations that list it. "
                                + "Answers carry RateLimit-* and X-Quota-Limit, X-Quota-Remaining, X-Quota-Reset; "
                                + "over the monthly quota: 429 quota_exceeded. A key elsewhere is 401; a feature above "
                                + "the key's tier is 403. When keys cannot be checked (Redis down): 503.");
        for (String name : specNames) {
            JsonNode spec = load(mapper, name);
            if (spec == null) continue;
            copyFields(spec.path("paths"), paths);
            copyFields(spec.path("components").path("schemas"), schemas);
        }
        for (Mount mount : mounts) {
            JsonNode spec = load(mapper, mount.spec());
            if (spec == null) continue;
            ObjectNode mounted = mapper.createObjectNode();
            spec.path("paths")
                    .properties()
                    .forEach(p -> mounted.set(
                            p.getKey().replace(MOUNT_POINT, mount.prefix()),
                            mount.qualify(p.getValue().deepCopy())));
            copyFields(mounted, paths);
            copyFields(spec.path("components").path("schemas"), schemas);
        }
        schemas.forEach(ApiDocs::snakeCaseProperties);
        anyJson(schemas);
        keyRoutes.forEach(route -> acceptKey(paths, route));
        StandardErrors.add(paths, keyRoutes);
        Map<String, String> described = new LinkedHashMap<>(COMMON_TAGS);
        described.putAll(tags);
        Set<String> used = new LinkedHashSet<>();
        paths.forEach(path -> path.forEach(op -> op.path("tags").forEach(t -> used.add(t.asText()))));
        for (String tag : used) {
            ObjectNode entry = tagList.addObject().put("name", tag);
            if (described.containsKey(tag)) entry.put("description", described.get(tag));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the API key as an alternative to the operation's security (an open operation stays open). */
    private static void acceptKey(ObjectNode paths, KeyRoute route) {
        JsonNode operation = paths.path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
        if (!(operation instanceof ObjectNode op)) return;
        JsonNode existing = op.get("security");
        ArrayNode security = op.putArray("security");
        if (existing instanceof ArrayNode list && !list.isEmpty()) {
            security.addAll(list);
        } else {
            security.addObject(); // {}: no credentials needed
        }
        security.addObject().putArray("ApiKeyAuth");
        String note = "Accepts X-API-Key (" + route.minTier().key() + " tier or higher).";
        String description = op.path("description").asText("");
        op.put("description", description.isEmpty() ? note : description + " " + note);
    }

    /**
     * Jackson's JsonNode (a free-form field such as an activity's metadata) would be described by its getters; on the
     * wire it is any JSON value, which OpenAPI writes as the empty schema.
     */
    private static void anyJson(ObjectNode schemas) {
        schemas.remove(List.of("JsonNode", "JsonNodeType"));
        schemas.forEach(ApiDocs::replaceJsonNodeRefs);
    }

    private static void replaceJsonNodeRefs(JsonNode node) {
        if (node instanceof ObjectNode object
                && JSON_NODE_REF.equals(object.path("$ref").asText())) {
            object.remove("$ref");
            object.put("description", "any JSON value");
        }
        node.forEach(ApiDocs::replaceJsonNodeRefs);
    }

    private static JsonNode load(ObjectMapper mapper, String name) {
        String resource = "openapi-plugin/openapi-" + name + ".json";
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The processor names properties after Java components; on the wire every service speaks snake_case. */
    private static void snakeCaseProperties(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode props) {
            ObjectNode renamed = props.objectNode();
            props.properties().forEach(p -> renamed.set(SNAKE_CASE.translate(p.getKey()), p.getValue()));
            props.removeAll().setAll(renamed);
        }
        JsonNode required = schema.get("required");
        if (required instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++)
                list.set(i, list.textNode(SNAKE_CASE.translate(list.get(i).asText())));
        }
    }

    private static void copyFields(JsonNode from, ObjectNode to) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            JsonNode existing = to.get(field.getKey());
            if (existing instanceof ObjectNode merged && field.getValue().isObject()) {
                merged.setAll((ObjectNode) field.getValue()); // same path, different methods from different modules
            } else {
                to.set(field.getKey(), field.getValue());
            }
        }
    }
}
