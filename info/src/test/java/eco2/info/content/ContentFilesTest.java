package eco2.info.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completeness checks for the curated content the info service ships under {@code content/}.
 *
 * <p>The content is hand-written JSON, so nothing but this test stops a missing field, a duplicated slug, an item
 * filed under the wrong category or a relevance row pointing at a slug that no longer exists from reaching users.
 * It checks structure and coverage only, never the wording.
 */
class ContentFilesTest {
    private static final List<String> CATEGORIES =
            List.of("plastic", "paper", "metal", "glass", "general", "food", "large", "electronic", "hazardous");
    private static final Set<String> REGIONS = Set.of(
            "seoul",
            "busan",
            "daegu",
            "incheon",
            "gwangju",
            "daejeon",
            "ulsan",
            "sejong",
            "gyeonggi",
            "gangwon",
            "chungbuk",
            "chungnam",
            "jeonbuk",
            "jeonnam",
            "gyeongbuk",
            "gyeongnam",
            "jeju");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ASCII_WORD = Pattern.compile("[\\x20-\\x7E]*[a-z][\\x20-\\x7E]*");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Items per category key, in file order. */
    private static final Map<String, List<JsonNode>> ITEMS = new LinkedHashMap<>();

    @BeforeAll
    static void loadItems() {
        for (String category : CATEGORIES) {
            JsonNode file = json("content/items/" + category + ".json");
            assertThat(file.isArray()).as("items/%s.json is an array", category).isTrue();
            List<JsonNode> items = new ArrayList<>();
            file.forEach(items::add);
            ITEMS.put(category, items);
        }
    }

    @Test
    void nineCategoriesInOrder() {
        JsonNode categories = json("content/categories.json");
        assertThat(categories.isArray()).isTrue();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            JsonNode category = categories.get(i);
            String key = text(category, "key");
            keys.add(key);
            text(category, "name");
            text(category, "name_en");
            text(category, "icon");
            text(category, "description");
            assertThat(category.path("display_order").isInt())
                    .as("%s display_order is an int", key)
                    .isTrue();
            assertThat(category.get("display_order").intValue())
                    .as("%s display_order", key)
                    .isEqualTo(i + 1);
        }
        assertThat(keys).containsExactlyElementsOf(CATEGORIES);
    }

    @Test
    void enoughItemsInEveryCategory() {
        ITEMS.forEach((category, items) ->
                assertThat(items).as("items in %s", category).hasSizeGreaterThanOrEqualTo(6));
        assertThat(allItems()).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void everyItemIsComplete() {
        ITEMS.forEach((category, items) -> items.forEach(item -> checkItem(category, item)));
    }

    @Test
    void slugsAndNamesAreUnique() {
        Set<String> slugs = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (JsonNode item : allItems()) {
            assertThat(slugs.add(text(item, "slug")))
                    .as("slug %s is unique", item.get("slug"))
                    .isTrue();
            assertThat(names.add(text(item, "name")))
                    .as("name %s is unique", item.get("name"))
                    .isTrue();
        }
    }

    @Test
    void faqsCoverEveryCategory() {
        JsonNode faqs = json("content/faqs.json");
        assertThat(faqs.size()).as("FAQ count").isGreaterThanOrEqualTo(25);
        Map<String, Integer> perCategory = new HashMap<>();
        Set<Integer> orders = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (JsonNode faq : faqs) {
            String slug = text(faq, "slug");
            assertThat(SLUG.matcher(slug).matches())
                    .as("FAQ slug %s is kebab-case", slug)
                    .isTrue();
            assertThat(slugs.add(slug)).as("FAQ slug %s is unique", slug).isTrue();
            String category = text(faq, "category");
            assertThat(CATEGORIES).as("category of FAQ %s", slug).contains(category);
            perCategory.merge(category, 1, Integer::sum);
            text(faq, "question");
            text(faq, "answer");
            assertThat(faq.path("display_order").isInt())
                    .as("FAQ %s display_order is an int", slug)
                    .isTrue();
            assertThat(orders.add(faq.get("display_order").intValue()))
                    .as("FAQ %s display_order is unique", slug)
                    .isTrue();
        }
        for (String category : CATEGORIES) {
            assertThat(perCategory.getOrDefault(category, 0))
                    .as("FAQs in %s", category)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void seventeenRegionsWithUniqueAliases() {
        JsonNode regions = json("content/regional_rules.json");
        assertThat(regions.size()).isEqualTo(17);
        Set<String> keys = new HashSet<>();
        Map<String, String> aliasOwner = new HashMap<>();
        for (JsonNode region : regions) {
            String key = text(region, "region");
            assertThat(keys.add(key)).as("region %s is unique", key).isTrue();
            text(region, "name");
            text(region, "volume_bag");
            text(region, "large_waste");
            text(region, "recyclables");
            text(region, "schedule_note");
            text(region, "source");
            JsonNode food = region.path("food_waste");
            assertThat(food.isObject()).as("%s food_waste is an object", key).isTrue();
            strings(food, "methods", 1, 10);
            text(food, "details");
            strings(region, "districts", 0, 100);
            String updatedAt = text(region, "updated_at");
            assertThatCode(() -> LocalDate.parse(updatedAt))
                    .as("%s updated_at is an ISO date", key)
                    .doesNotThrowAnyException();
            for (String alias : strings(region, "aliases", 1, 20)) {
                String previous = aliasOwner.put(alias.toLowerCase(Locale.ROOT), key);
                assertThat(previous)
                        .as("alias %s of %s is also used by %s", alias, key, previous)
                        .isNull();
            }
        }
        assertThat(keys).isEqualTo(REGIONS);
    }

    @Test
    void relevanceTablePointsAtExistingItems() {
        Set<String> slugs = new HashSet<>();
        allItems().forEach(item -> slugs.add(item.get("slug").asText()));
        List<String> lines = resource("search-relevance.tsv")
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines.get(0)).isEqualTo("query\texpected_slug");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        for (String row : rows) {
            String[] columns = row.split("\t", -1);
            assertThat(columns).as("row '%s' has two columns", row).hasSize(2);
            assertThat(columns[0]).as("query in '%s'", row).isNotBlank();
            assertThat(slugs).as("expected slug of '%s'", row).contains(columns[1]);
        }
    }

    private static void checkItem(String category, JsonNode item) {
        String slug = text(item, "slug");
        assertThat(SLUG.matcher(slug).matches())
                .as("slug %s is kebab-case", slug)
                .isTrue();
        text(item, "name");
        text(item, "name_en");
        text(item, "description");
        assertThat(text(item, "category")).as("category of %s", slug).isEqualTo(category);
        JsonNode subcategory = item.get("subcategory");
        assertThat(subcategory).as("%s has subcategory (may be null)", slug).isNotNull();
        if (!subcategory.isNull()) {
            text(item, "subcategory");
        }
        strings(item, "how_to_recycle", 1, 5);
        strings(item, "do_not_do", 1, 4);
        strings(item, "tips", 0, 3);
        assertThat(item.path("recyclable").isBoolean())
                .as("%s recyclable is a boolean", slug)
                .isTrue();
        List<String> keywords = strings(item, "search_keywords", 3, 12);
        assertThat(keywords)
                .as("%s has an English keyword", slug)
                .anyMatch(k -> ASCII_WORD.matcher(k).matches());
    }

    /** The non-blank string at {@code field}, failing with the node's identity if it is missing or not text. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s in %s", field, id(node)).isNotNull();
        assertThat(value.isTextual())
                .as("%s in %s is a string", field, id(node))
                .isTrue();
        assertThat(value.asText()).as("%s in %s", field, id(node)).isNotBlank();
        return value.asText();
    }

    /** The array of non-blank strings at {@code field}, with between {@code min} and {@code max} entries. */
    private static List<String> strings(JsonNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s in %s", field, id(node)).isNotNull();
        assertThat(value.isArray()).as("%s in %s is an array", field, id(node)).isTrue();
        assertThat(value.size()).as("size of %s in %s", field, id(node)).isBetween(min, max);
        List<String> out = new ArrayList<>();
        for (JsonNode entry : value) {
            assertThat(entry.isTextual() && !entry.asText().isBlank())
                    .as("%s in %s: %s", field, id(node), entry)
                    .isTrue();
            out.add(entry.asText());
        }
        return out;
    }

    private static String id(JsonNode node) {
        for (String key : List.of("slug", "region", "key")) {
            if (node.hasNonNull(key)) {
                return node.get(key).asText();
            }
        }
        return node.toString();
    }

    private static List<JsonNode> allItems() {
        return ITEMS.values().stream().flatMap(List::stream).toList();
    }

    private static JsonNode json(String path) {
        try {
            return MAPPER.readTree(resource(path));
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + path, e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = ContentFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("classpath resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
