package eco2.info.search;

import java.util.List;

/** What POST /items/search returns: the query as it was matched (normalised), the filter, and the hits, best first. */
public record SearchResult(String query, String category, int limit, List<SearchHit> items) {}
