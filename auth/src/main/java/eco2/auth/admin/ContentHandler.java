package eco2.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eco2.common.error.BadGateway;
import eco2.common.error.Forbidden;
import eco2.common.error.NotFound;
import eco2.common.error.Unavailable;
import eco2.common.http.RequestIds;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The content pages: sorting-guide items and FAQ, listed, created and edited through info's own admin JSON API
 * ({@code POST/PUT /api/v1/recycle/items|faq}) with the admin's token, so info's validation and cache
 * invalidation apply as for any other client. A 422 from info comes back as the form with its messages.
 */
public final class ContentHandler {
    private final PanelPages pages;
    private final ServiceClient info;
    private final AdminService admin;
    private final ObjectMapper mapper;
    private final ContentForms forms;

    public ContentHandler(PanelPages pages, ServiceClient info, AdminService admin, ObjectMapper mapper) {
        this.pages = pages;
        this.info = info;
        this.admin = admin;
        this.mapper = mapper;
        this.forms = new ContentForms(mapper);
    }

    /** {@code GET /admin/content?page=} */
    public void list(Context ctx, PanelCaller caller) {
        int page = Paging.page(ctx);
        ServiceClient.Reply items = info.get("info", "/items?size=" + AdminService.PAGE_SIZE + "&page=" + page, null);
        ServiceClient.Reply faqs = info.get("info", "/faq?size=100&page=1", null);
        Map<String, Object> model = pages.model(ctx, caller, "content", "content");
        model.put("infoAvailable", items.ok() && faqs.ok());
        model.put("items", items.ok() ? list(items.json().path("items"), ContentForms::itemRow) : List.of());
        model.put("faqs", faqs.ok() ? list(faqs.json().path("items"), ContentForms::faqRow) : List.of());
        long total = items.ok() ? items.json().path("total").asLong() : 0;
        model.put("pager", Paging.pager(pages, model, "/admin/content?", page, total));
        pages.render(ctx, "content", model);
    }

    /** {@code GET /admin/content/{kind}/new} and {@code GET /admin/content/{kind}/{id}}, kind items or faq. */
    public void form(Context ctx, PanelCaller caller) {
        String kind = kind(ctx);
        String id = ctx.pathParamMap().get("id");
        JsonNode current = mapper.createObjectNode();
        if (id != null) current = answer(info.get("info", "/" + kind + "/" + ServiceClient.encode(id), null));
        renderForm(ctx, caller, kind, id, forms.view(kind, current), List.of());
    }

    /** {@code POST /admin/content/{kind}} (create) and {@code POST /admin/content/{kind}/{id}} (replace). */
    public void save(Context ctx, PanelCaller caller) {
        String kind = kind(ctx);
        String id = ctx.pathParamMap().get("id");
        ObjectNode body = forms.read(kind, ctx);
        ServiceClient.Reply reply = id == null
                ? info.call("info", "POST", "/" + kind, body, caller.accessToken())
                : info.call("info", "PUT", "/" + kind + "/" + ServiceClient.encode(id), body, caller.accessToken());
        if (reply.status() == 422 && reply.json() != null) {
            List<String> errors = new ArrayList<>();
            reply.json()
                    .path("errors")
                    .forEach(e -> errors.add(
                            e.path("field").asText() + ": " + e.path("message").asText()));
            ctx.status(422);
            renderForm(ctx, caller, kind, id, forms.view(kind, body), errors);
            return;
        }
        JsonNode saved = answer(reply);
        String savedId = saved.path("id").asText();
        String singular = kind.equals("items") ? "item" : "faq";
        admin.record(
                caller.actor(RequestIds.of(ctx)),
                singular + (id == null ? ".create" : ".update"),
                singular + ":" + savedId,
                saved.path(kind.equals("items") ? "name" : "question").asText());
        throw new PanelRedirect("/admin/content/" + kind + "/" + savedId + "?notice=saved");
    }

    private void renderForm(
            Context ctx, PanelCaller caller, String kind, String id, Map<String, Object> values, List<String> errors) {
        boolean item = kind.equals("items");
        String titleKey = id == null ? (item ? "new_item" : "new_faq") : (item ? "edit_item" : "edit_faq");
        Map<String, Object> model = pages.model(ctx, caller, "content", titleKey);
        model.put("heading", model.get("title"));
        model.put(item ? "item" : "faq", values);
        model.put("action", "/admin/content/" + kind + (id == null ? "" : "/" + id));
        model.put("categories", categories(String.valueOf(values.get("category")), (String) model.get("lang")));
        model.put("errors", errors);
        model.put("has_errors", !errors.isEmpty());
        pages.render(ctx, item ? "item_form" : "faq_form", model);
    }

    private List<Map<String, Object>> categories(String selected, String lang) {
        JsonNode all = answer(info.get("info", "/categories", null)).path("items");
        List<Map<String, Object>> options = new ArrayList<>();
        for (JsonNode c : all) {
            String key = c.path("key").asText();
            String label = lang.equals("en")
                    ? c.path("name_en").asText(key)
                    : c.path("name").asText(key);
            options.add(Map.of("key", key, "label", label, "selected", key.equals(selected)));
        }
        return options;
    }

    /** info's answer, or the error page its status calls for. */
    private static JsonNode answer(ServiceClient.Reply reply) {
        if (reply.ok() && reply.json() != null) return reply.json();
        if (reply.status() == 0) throw new Unavailable("info is not answering");
        if (reply.status() == 404) throw new NotFound("No such content");
        if (reply.status() == 401 || reply.status() == 403) throw new Forbidden("info refused the admin token");
        throw new BadGateway("info answered " + reply.status());
    }

    private static List<Map<String, Object>> list(JsonNode nodes, Function<JsonNode, Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>();
        nodes.forEach(n -> rows.add(row.apply(n)));
        return rows;
    }

    private static String kind(Context ctx) {
        String kind = ctx.pathParam("kind");
        if (!kind.equals("items") && !kind.equals("faq")) throw new NotFound("No such content type");
        return kind;
    }
}
