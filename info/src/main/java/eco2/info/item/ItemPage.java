package eco2.info.item;

import java.util.List;

/** One page of GET /items, sorted by name. */
public record ItemPage(List<Item> items, long total, int page, int size) {}
