package eco2.info.item;

import eco2.common.error.FieldErrors;
import eco2.info.web.Texts;
import io.javalin.openapi.OpenApiIgnore;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of POST /items and PUT /items/{id} (a PUT replaces every field). Unknown fields are refused by the JSON reader;
 * {@link #validate} checks lengths and counts, the service checks that the category exists.
 */
public record ItemInput(
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
        Boolean recyclable,
        List<String> searchKeywords) {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        if (slug != null) {
            errors.check(
                    slug.length() > 80 || !SLUG.matcher(slug).matches(),
                    "slug",
                    "must be lower-case words joined by '-', at most 80 characters");
        }
        text(errors, "name", name, true, 100);
        text(errors, "name_en", nameEn, false, 100);
        errors.check(category == null, "category", "is required");
        text(errors, "subcategory", subcategory, false, 50);
        text(errors, "description", description, true, 2000);
        list(errors, "how_to_recycle", howToRecycle, true, 1, 10, 300);
        list(errors, "do_not_do", doNotDo, false, 0, 10, 300);
        list(errors, "tips", tips, false, 0, 10, 300);
        list(errors, "search_keywords", searchKeywords, false, 0, 20, 50);
        if (list(errors, "images", images, false, 0, 10, 500) && images != null) {
            errors.check(
                    !images.stream().allMatch(ItemInput::isHttpUrl), "images", "every entry must be an http(s) URL");
        }
        errors.check(recyclable == null, "recyclable", "is required");
    }

    /** The fields as stored: text trimmed, absent lists empty. */
    @OpenApiIgnore
    public ItemInput cleaned() {
        return new ItemInput(
                slug,
                strip(name),
                strip(nameEn),
                category,
                strip(subcategory),
                strip(description),
                strip(howToRecycle),
                strip(doNotDo),
                strip(tips),
                strip(images),
                recyclable,
                strip(searchKeywords));
    }

    private static void text(FieldErrors errors, String field, String value, boolean required, int max) {
        if (value == null) {
            errors.check(required, field, "is required");
            return;
        }
        String trimmed = value.strip();
        if (errors.check(trimmed.isEmpty(), field, "must not be blank")) return;
        if (errors.check(Texts.length(trimmed) > max, field, "must be at most " + max + " characters")) return;
        errors.check(Texts.hasControlCharacters(trimmed), field, "must not contain control characters");
    }

    /** Returns whether the list's shape was fine (so a caller may check its entries further). */
    private static boolean list(
            FieldErrors errors, String field, List<String> values, boolean required, int min, int max, int maxLength) {
        if (values == null) return !errors.check(required, field, "is required");
        if (errors.check(
                values.size() < min || values.size() > max,
                field,
                "must have " + (min == 0 ? "at most " + max : min + " to " + max) + " entries")) {
            return false;
        }
        boolean entriesFine = values.stream()
                .allMatch(v -> v != null
                        && !v.isBlank()
                        && Texts.length(v.strip()) <= maxLength
                        && !Texts.hasControlCharacters(v));
        return !errors.check(
                !entriesFine, field, "every entry must be non-blank text of at most " + maxLength + " characters");
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> strip(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
