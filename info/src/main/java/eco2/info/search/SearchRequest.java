package eco2.info.search;

import eco2.common.error.FieldErrors;
import eco2.info.web.Texts;
import io.javalin.openapi.OpenApiIgnore;

/**
 * Body of POST /items/search: a query of 1-100 characters, an optional category key and limit (1-50, default 10).
 * Not {@code Validated}: the service checks these rules together with the category, so one 422 lists every bad field.
 */
public record SearchRequest(String query, String category, Integer limit) {
    public static final int MAX_QUERY = 100;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        if (query == null) {
            errors.add("query", "is required");
        } else {
            String trimmed = query.strip();
            if (!errors.check(trimmed.isEmpty(), "query", "must not be blank")) {
                errors.check(
                        Texts.length(trimmed) > MAX_QUERY, "query", "must be at most " + MAX_QUERY + " characters");
                errors.check(Texts.hasControlCharacters(trimmed), "query", "must not contain control characters");
            }
        }
        errors.check(limit != null && (limit < 1 || limit > MAX_LIMIT), "limit", "must be between 1 and " + MAX_LIMIT);
    }

    @OpenApiIgnore
    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
