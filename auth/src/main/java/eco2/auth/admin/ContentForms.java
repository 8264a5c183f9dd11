package eco2.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Between info's JSON and the panel's forms: list fields become one entry per line, empty optional fields become
 * absent, and the checkbox becomes a boolean. Only the fields info's input accepts are sent.
 */
final class ContentForms {
    static final List<String> ITEM_TEXT = List.of("name", "name_en", "category", "subcategory", "description");
    static final List<String> ITEM_LISTS = List.of("how_to_recycle", "do_not_do", "tips", "images", "search_keywords");
    static final List<String> FAQ_TEXT = List.of("category", "question", "answer");

    private final ObjectMapper mapper;

    ContentForms(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The form's values from an item or FAQ as info returns it (or as the panel was about to send it). */
    Map<String, Object> view(String kind, JsonNode node) {
        Map<String, Object> values = new HashMap<>();
        if (kind.equals("items")) {
            ITEM_TEXT.forEach(f -> values.put(f, node.path(f).asText("")));
            ITEM_LISTS.forEach(f -> values.put(f, lines(node.path(f))));
            values.put("recyclable", node.path("recyclable").asBoolean(node.isEmpty()));
        } else {
            FAQ_TEXT.forEach(f -> values.put(f, node.path(f).asText("")));
            values.put("display_order", node.path("display_order").asText(""));
        }
        return values;
    }

    /** The JSON body for info from the posted form. */
    ObjectNode read(String kind, Context ctx) {
        ObjectNode body = mapper.createObjectNode();
        if (kind.equals("items")) {
            ITEM_TEXT.forEach(f -> text(body, f, ctx.formParam(f)));
            ITEM_LISTS.forEach(f -> {
                ArrayNode list = body.putArray(f);
                String raw = ctx.formParam(f);
                if (raw != null)
                    raw.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(list::add);
            });
            body.put("recyclable", "true".equals(ctx.formParam("recyclable")));
        } else {
            FAQ_TEXT.forEach(f -> text(body, f, ctx.formParam(f)));
            String order = ctx.formParam("display_order");
            if (order != null && !order.isBlank()) {
                try {
                    body.put("display_order", Integer.parseInt(order.strip()));
                } catch (NumberFormatException e) {
                    body.put("display_order", -1); // info answers 422 with its own message
                }
            }
        }
        return body;
    }

    static Map<String, Object> itemRow(JsonNode item) {
        return Map.of(
                "id", item.path("id").asText(),
                "name", item.path("name").asText(),
                "category", item.path("category").asText(),
                "subcategory", item.path("subcategory").asText(""),
                "recyclable", item.path("recyclable").asBoolean());
    }

    static Map<String, Object> faqRow(JsonNode faq) {
        return Map.of(
                "id", faq.path("id").asText(),
                "question", faq.path("question").asText(),
                "category", faq.path("category").asText(),
                "displayOrder", faq.path("display_order").asText());
    }

    private static void text(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) body.put(field, value.replace("\r\n", "\n"));
    }

    private static String lines(JsonNode list) {
        StringBuilder text = new StringBuilder();
        list.forEach(entry -> text.append(entry.asText()).append('\n'));
        return text.toString().strip();
    }
}
