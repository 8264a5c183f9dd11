package eco2.compose.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Plausible values for a field, from its name where the name says more than the schema (an email, a latitude), else
 * from its schema type. Invalid values are made by the case generator from these.
 */
final class Values {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("language", List.of("ko", "en")),
            Map.entry("theme", List.of("light", "dark", "system")),
            Map.entry("tier", List.of("free")),
            Map.entry("period", List.of("weekly")),
            Map.entry("sort", List.of("order", "popular")),
            Map.entry("category", List.of("plastic", "paper", "glass", "metal", "general")),
            Map.entry("type", List.of("plastic", "paper", "glass", "metal", "general", "clothes", "battery")),
            Map.entry("region", List.of("서울", "seoul", "부산광역시")),
            Map.entry("district", List.of("강남구", "중구")),
            Map.entry("provider", List.of("kakao", "google")),
            Map.entry("text", List.of("페트병", "깨진 유리", "우유팩")),
            Map.entry("query", List.of("페트", "유리병", "캔")),
            Map.entry("item", List.of("페트", "캔")),
            Map.entry("address", List.of("서울특별시 중구 세종대로 110")),
            Map.entry("redirect_uri", List.of("http://localhost:3000/oauth/callback")),
            Map.entry("subcategory", List.of("pet")),
            Map.entry("bio", List.of("첫 줄\n둘째 줄", "hello")),
            Map.entry("question", List.of("페트병 라벨은?")),
            Map.entry("answer", List.of("떼어서 버려요.\n뚜껑도 따로.")));

    private final Random random;
    private final Fixtures fixtures;
    private int serial;

    Values(Random random, Fixtures fixtures) {
        this.random = random;
        this.fixtures = fixtures;
    }

    /** A value for a parameter (path, query or header), as text. */
    String param(String name, JsonNode schema) {
        JsonNode value = field(name, schema);
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A plausible JSON value for {@code name}, typed as {@code schema} says. */
    JsonNode field(String name, JsonNode schema) {
        String n = name.toLowerCase();
        serial++;
        if (WORDS.containsKey(n)) return JSON.valueToTree(Nasty.pick(WORDS.get(n), random));
        switch (n) {
            case "email":
                return text("fz" + random.nextInt(1_000_000) + "_" + serial + "@example.com");
            case "username":
                return text("fz_" + random.nextInt(1_000_000) + "_" + serial);
            case "password", "new_password":
                return text(Fixtures.PASSWORD + " " + serial);
            case "nickname":
                return text("닉네임" + random.nextInt(1000));
            case "name", "name_en":
                return text("fuzz name " + serial);
            case "slug":
                return text("fuzz-" + random.nextInt(1_000_000) + "-" + serial);
            case "invite_code":
                return text(fixtures.b.inviteCode());
            case "latitude", "lat":
                return JSON.valueToTree(37.5 + random.nextDouble() / 10);
            case "longitude", "lon":
                return JSON.valueToTree(126.9 + random.nextDouble() / 10);
            case "radius":
                return JSON.valueToTree(1 + random.nextInt(20000));
            case "limit", "size":
                return JSON.valueToTree(1 + random.nextInt(100));
            case "page", "display_order":
                return JSON.valueToTree(1 + random.nextInt(3));
            case "grace_hours":
                return JSON.valueToTree(random.nextInt(169));
            case "idempotency-key":
                return text(UUID.randomUUID().toString());
            case "last-event-id":
                return JSON.valueToTree(random.nextInt(8));
            case "key_sha256":
                return text("ab".repeat(32));
            case "prefix":
                return text("eco2_ABCDEFGH");
            default:
                break;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "integer":
                return JSON.valueToTree(random.nextInt(5));
            case "number":
                return JSON.valueToTree(random.nextDouble() * 10);
            case "boolean":
                return JSON.valueToTree(random.nextBoolean());
            case "array": {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(3); i >= 0; i--) array.add(field(name, schema.path("items")));
                return array;
            }
            case "object":
                return object(schema);
            default:
                return text("fuzz " + random.nextInt(1000));
        }
    }

    /** Every declared property with a plausible value (optional ones now and then left out). */
    ObjectNode object(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        List<String> required = required(schema);
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (required.contains(p.getKey()) || random.nextInt(5) > 0)
                body.set(p.getKey(), field(p.getKey(), p.getValue()));
        }
        return body;
    }

    static List<String> required(JsonNode schema) {
        List<String> names = new java.util.ArrayList<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }
}
