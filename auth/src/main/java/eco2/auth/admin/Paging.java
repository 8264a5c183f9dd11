package eco2.auth.admin;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Page numbers from the query and the previous/next links under a table. */
final class Paging {
    private Paging() {}

    static int page(Context ctx) {
        try {
            int page =
                    Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
            return Math.max(1, Math.min(page, 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code base} ends with '?' or '&', ready for {@code page=}. */
    static Map<String, Object> pager(PanelPages pages, Map<String, Object> model, String base, int page, long total) {
        long pages0 = Math.max(1, (total + AdminService.PAGE_SIZE - 1) / AdminService.PAGE_SIZE);
        Map<String, Object> pager = new HashMap<>();
        if (page > 1) pager.put("prev", base + "page=" + (page - 1));
        if (page < pages0) pager.put("next", base + "page=" + (page + 1));
        pager.put("label", pages.views().text((String) model.get("lang"), "page_of", page, pages0));
        return pager;
    }
}
