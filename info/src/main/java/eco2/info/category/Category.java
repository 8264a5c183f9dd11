package eco2.info.category;

/** One of the nine sorting categories, with how many items it holds; an entry of GET /categories. */
public record Category(
        String key, String name, String nameEn, String icon, int displayOrder, String description, long itemCount) {}
