package eco2.info.item;

import java.util.List;
import java.util.UUID;

/** A sortable thing people ask about (투명 페트병, 건전지, ...): a row of items and what GET /items/{id} returns. */
public record Item(
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
        List<String> searchKeywords) {}
