package eco2.info.category;

import java.util.List;

/** What GET /categories returns: every category in display order (never paged, there are nine). */
public record CategoryList(List<Category> items) {}
