package eco2.info.search;

import java.util.List;
import java.util.UUID;

/** One ranked result: the item as GET /items/{id} shows it, plus its score (1 is an exact name match). */
public record SearchHit(
        UUID id,
        String slug,
        String name,
        String nameEn,
        String category,
        String subcategory,
        String description,
        List<String> howToRecycle,
        List<String> doNotDo,
        List<String> tips,
        List<String> images,
        boolean recyclable,
        List<String> searchKeywords,
        double score) {}
