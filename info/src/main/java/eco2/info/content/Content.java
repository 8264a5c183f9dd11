package eco2.info.content;

import java.time.LocalDate;
import java.util.List;

/**
 * The curated content as shipped under {@code content/}, parsed strictly (an unknown field in a file fails the start),
 * with the SHA-256 of all its files.
 */
public record Content(List<Category> categories, List<Item> items, List<Faq> faqs, List<Region> regions, String hash) {

    /** An entry of categories.json. */
    public record Category(String key, String name, String nameEn, String icon, int displayOrder, String description) {}

    /** An entry of items/{category}.json. */
    public record Item(
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
            List<String> searchKeywords) {
        public Item {
            doNotDo = doNotDo == null ? List.of() : doNotDo;
            tips = tips == null ? List.of() : tips;
            images = images == null ? List.of() : images;
            searchKeywords = searchKeywords == null ? List.of() : searchKeywords;
        }
    }

    /** An entry of faqs.json. */
    public record Faq(String slug, String category, String question, String answer, int displayOrder) {}

    /** An entry of regional_rules.json. */
    public record Region(
            String region,
            String name,
            List<String> aliases,
            String volumeBag,
            FoodWaste foodWaste,
            String largeWaste,
            String recyclables,
            String scheduleNote,
            List<String> districts,
            String source,
            LocalDate updatedAt) {}

    /** How a region takes food waste. */
    public record FoodWaste(List<String> methods, String details) {}
}
