package eco2.info.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /categories, /items and /items/{id}: counts, paging edges, sorting, filters, caching and the 404s. */
class CatalogueIT {
    static final String ITEMS = "/api/v1/recycle/items";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @Test
    void nineCategoriesInOrderWithTheirItemCounts() {
        TestHttp.Response r = info.get().http.get("/api/v1/recycle/categories");
        assertThat(r.status()).isEqualTo(200);
        JsonNode categories = r.json().get("items");

        List<String> keys = new ArrayList<>();
        long total = 0;
        for (JsonNode category : categories) {
            keys.add(category.get("key").asText());
            assertThat(category.get("name").asText()).isNotBlank();
            assertThat(category.get("name_en").asText()).isNotBlank();
            assertThat(category.get("icon").asText()).isNotBlank();
            total += category.get("item_count").asLong();
        }
        assertThat(keys)
                .containsExactly(
                        "plastic", "paper", "metal", "glass", "general", "food", "large", "electronic", "hazardous");
        assertThat(total).isEqualTo(148);
        assertThat(categories.get(0).get("item_count").asLong())
                .isEqualTo(info.get().count("SELECT count(*) FROM recycle_info.items WHERE category = 'plastic'"));
    }

    @Test
    void theCategoryListIsCachedExactlyAsServed() {
        String first = info.get().http.get("/api/v1/recycle/categories").body();
        assertThat(info.get().infra.redis().get("recycle:categories")).isEqualTo(first);
        assertThat(info.get().http.get("/api/v1/recycle/categories").body()).isEqualTo(first);
    }

    @Test
    void theCatalogueDefaultsToTwentyItemsSortedByName() {
        JsonNode page = list("");

        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("total").asLong()).isEqualTo(148);
        assertThat(page.get("items")).hasSize(20);
        List<String> names = names(page);
        assertThat(names).isSorted();
    }

    @Test
    void pagesFollowEachOtherWithoutGapsUpToAShortLastPageAndAnEmptyOneAfter() {
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) all.addAll(names(list("?size=50&page=" + page)));
        assertThat(all).hasSize(148).doesNotHaveDuplicates().isSorted();

        JsonNode last = list("?size=50&page=3");
        assertThat(last.get("items")).hasSize(48);
        JsonNode beyond = list("?size=50&page=4");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(148);
        assertThat(list("?size=100&page=2").get("items")).hasSize(48);
        assertThat(list("?size=1").get("items")).hasSize(1);
    }

    @Test
    void aCategoryFilterCountsAndListsOnlyThatCategory() {
        JsonNode page = list("?category=glass&size=100");

        assertThat(page.get("total").asLong())
                .isEqualTo(info.get().count("SELECT count(*) FROM recycle_info.items WHERE category = 'glass'"));
        page.get("items")
                .forEach(item -> assertThat(item.get("category").asText()).isEqualTo("glass"));
        assertThat(names(page)).isSorted();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0|page",
                "page=-1|page",
                "size=0|size",
                "size=101|size",
                "size=abc|size",
                "page=1.5|page",
                "page=99999999999|page",
                "category=plastics|category",
                "category=PLASTIC|category"
            })
    void badParametersAre422(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = info.get().http.get(ITEMS + "?" + parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(parts[1]);
    }

    @Test
    void severalBadParametersAreReportedTogether() {
        TestHttp.Response r = info.get().http.get(ITEMS + "?page=0&size=500&category=nope");
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("page", "size", "category");
    }

    @Test
    void anItemHasEveryDocumentedFieldAndIsCachedAsServed() {
        String id = info.get().itemId("battery");
        TestHttp.Response r = info.get().http.get(ITEMS + "/" + id);

        assertThat(r.status()).isEqualTo(200);
        JsonNode item = r.json();
        for (String field : List.of(
                "id",
                "name",
                "category",
                "subcategory",
                "description",
                "how_to_recycle",
                "do_not_do",
                "tips",
                "images",
                "recyclable",
                "search_keywords")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("name").asText()).isEqualTo("건전지");
        assertThat(item.get("category").asText()).isEqualTo("hazardous");
        assertThat(item.get("how_to_recycle").size()).isPositive();
        assertThat(item.get("images").isArray()).isTrue();
        assertThat(info.get().infra.redis().get("recycle:item:" + id)).isEqualTo(r.body());
        assertThat(info.get().http.get(ITEMS + "/" + id).body()).isEqualTo(r.body());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00000000-0000-0000-0000-000000000000",
                "not-a-uuid",
                "1-1-1-1-1",
                "%27%20OR%201%3D1",
                "12345678-1234-1234-1234-1234567890123"
            })
    void unknownAndMalformedIdsAre404WithTheEnvelope(String id) {
        TestHttp.Response r = info.get().http.get(ITEMS + "/" + id);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
        assertThat(r.json().get("request_id").asText()).isNotBlank();
    }

    static JsonNode list(String query) {
        TestHttp.Response r = info.get().http.get(ITEMS + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
