package eco2.info.faq;

import eco2.common.error.FieldErrors;

/** {@code ?sort=} of GET /faq: the curated order (default), or the most viewed first. */
public enum FaqSort {
    ORDER("display_order, id"),
    POPULAR("view_count DESC, helpful_count DESC, display_order, id");

    /** An ORDER BY clause; only these constants ever reach the SQL. */
    final String orderBy;

    FaqSort(String orderBy) {
        this.orderBy = orderBy;
    }

    public static FaqSort parse(String value, FieldErrors errors) {
        if (value == null || value.isEmpty() || value.equals("order")) return ORDER;
        if (value.equals("popular")) return POPULAR;
        errors.add("sort", "must be order or popular");
        return ORDER;
    }
}
