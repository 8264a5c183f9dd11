package eco2.info.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.FieldErrors;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.info.category.CategoryService;
import eco2.info.web.Texts;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Search: normalises the query, answers from {@code recycle:search:...} when it can, else ranks in PostgreSQL and
 * caches the answer. The answer depends only on (normalised query, category, limit), so a cached and a fresh answer
 * are the same bytes. Every valid search is recorded for the statistics, cached or not.
 */
public final class SearchService {
    /**
     * Spelling similarity needs a few letters to mean anything: in 캔 (ㅋㅐㄴ) or tv a one-letter difference is
     * another word, in 칫쏠 (ㅊㅣㅅㅆㅗㄹ) it is a typo. Counted in letters, as search_norm compares them.
     */
    static final int MIN_FUZZY_LETTERS = 4;

    private final Jdbi jdbi;
    private final CategoryService categories;
    private final DocumentCache cache;
    private final SearchLog searchLog;
    private final ObjectMapper mapper;

    /** {@code cache}: keyed by generation, which every catalogue write bumps; possibly switched off. */
    public SearchService(
            Jdbi jdbi, CategoryService categories, DocumentCache cache, SearchLog searchLog, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.categories = categories;
        this.cache = cache;
        this.searchLog = searchLog;
        this.mapper = mapper;
    }

    /** The ranked answer as JSON; {@code caller} is null for anonymous searches. */
    public String search(SearchRequest request, UUID caller) {
        FieldErrors errors = new FieldErrors();
        request.validate(errors);
        categories.check(request.category(), "category", errors);
        errors.throwIfAny();
        String query = Texts.normalise(request.query());
        int limit = request.limitOrDefault();
        String category = request.category();
        String json = cache.read(
                (category == null ? "-" : category) + ":" + limit + ":" + query, () -> rank(query, category, limit));
        searchLog.record(query, request.query().strip(), caller);
        return json;
    }

    /** One statement ranks: search.sql decides from the names and keywords that contain the query what else to read. */
    private String rank(String query, String category, int limit) {
        boolean fuzzy = Texts.letters(query) >= MIN_FUZZY_LETTERS;
        List<SearchHit> hits = jdbi.withHandle(handle -> SearchQueries.search(handle, query, category, limit, fuzzy));
        return Json.write(mapper, new SearchResult(query, category, limit, hits));
    }
}
