package eco2.info.stats;

import java.util.List;
import java.util.UUID;

/** What GET /stats returns. */
public record Stats(
        long totalItems,
        List<CategoryCount> itemsByCategory,
        List<SearchCount> topSearches,
        List<FaqViews> mostViewedFaqs) {
    /** Items in one category. */
    public record CategoryCount(String category, String name, long itemCount) {}

    /** A normalised query and how often it was searched in the last 7 days (Seoul calendar days, today included). */
    public record SearchCount(String query, long count) {}

    /** One of the most viewed questions. */
    public record FaqViews(UUID id, String slug, String question, long viewCount) {}
}
