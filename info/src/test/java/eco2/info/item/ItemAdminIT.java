package eco2.info.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admin item writes: who may, validation, conflicts, and every cached document a write must refresh. */
class ItemAdminIT {
    static final String ITEMS = "/api/v1/recycle/items";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    static InfoTestApp.User admin;
    static InfoTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        admin = info.get().admin();
        user = info.get().register();
    }

    @Test
    void anonymousCallersGet401AndPlainUsers403() {
        String body = TestHttp.json(validItem("nope"));
        String id = info.get().itemId("battery");
        assertThat(info.get().http.postJson(ITEMS, body).status()).isEqualTo(401);
        assertThat(info.get().http.postJson(ITEMS, body, user.auth()).status()).isEqualTo(403);
        assertThat(send("PUT", ITEMS + "/" + id, body, user).status()).isEqualTo(403);
        assertThat(send("DELETE", ITEMS + "/" + id, "", user).status()).isEqualTo(403);
        assertThat(send("DELETE", ITEMS + "/" + id, "", null).status()).isEqualTo(401);
        TestHttp.Response forbidden = info.get().http.postJson(ITEMS, body, user.auth());
        assertThat(forbidden.json().get("code").asText()).isEqualTo("forbidden");
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items")).isEqualTo(148);
    }

    @Test
    void anAdminCreatesAnItemThatIsThenListedFoundAndCounted() {
        long glassBefore = glassCount();
        long generation = generation();
        search("유리 풍경종"); // a cached "no result" that the write must retire

        TestHttp.Response created =
                info.get().http.postJson(ITEMS, TestHttp.json(validItem("glass-wind-chime")), admin.auth());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(ITEMS + "/" + id);
        assertThat(created.json().get("slug").asText()).isEqualTo("glass-wind-chime");
        assertThat(created.json().get("name").asText()).isEqualTo("유리 풍경종"); // trimmed
        assertThat(info.get().http.get(ITEMS + "/" + id).body()).isEqualTo(created.body());
        assertThat(glassCount()).isEqualTo(glassBefore + 1);
        assertThat(generation()).isGreaterThan(generation);
        assertThat(slugs(search("유리 풍경종"))).first().isEqualTo("glass-wind-chime");
        assertThat(slugs(search("wind chime"))).contains("glass-wind-chime");
    }

    @Test
    void withoutASlugOneIsGenerated() {
        Map<String, Object> body = validItem(null);
        body.put("name", "슬러그 없는 품목");
        body.put("search_keywords", List.of());
        TestHttp.Response created = info.get().http.postJson(ITEMS, TestHttp.json(body), admin.auth());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("slug").asText()).matches("item-[0-9a-f]{8}");
    }

    @Test
    void aTakenSlugIs409() {
        TestHttp.Response r = info.get().http.postJson(ITEMS, TestHttp.json(validItem("battery")), admin.auth());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("conflict");
    }

    @Test
    void replacingAnItemRefreshesItsCachedDocumentTheCountsAndSearch() {
        Map<String, Object> original = validItem("temp-umbrella-stand");
        original.put("name", "유리 우산꽂이");
        original.put("search_keywords", List.of("우산꽂이"));
        String id = info.get()
                .http
                .postJson(ITEMS, TestHttp.json(original), admin.auth())
                .json()
                .get("id")
                .asText();
        String cached = info.get().http.get(ITEMS + "/" + id).body();
        assertThat(info.get().infra.redis().get("recycle:item:" + id)).isEqualTo(cached);
        assertThat(slugs(search("우산꽂이"))).contains("temp-umbrella-stand");
        long metalBefore = categoryCount("metal");

        Map<String, Object> replacement = validItem(null);
        replacement.put("name", "철제 우산꽂이");
        replacement.put("slug", null);
        replacement.put("category", "metal");
        replacement.put("search_keywords", List.of("우산꽂이", "umbrella stand"));
        TestHttp.Response replaced = send("PUT", ITEMS + "/" + id, TestHttp.json(replacement), admin);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("slug").asText()).isEqualTo("temp-umbrella-stand"); // kept: none given
        assertThat(replaced.json().get("category").asText()).isEqualTo("metal");
        assertThat(info.get().http.get(ITEMS + "/" + id).body()).isEqualTo(replaced.body());
        assertThat(categoryCount("metal")).isEqualTo(metalBefore + 1);
        JsonNode hit = search("우산꽂이").get("items").get(0);
        assertThat(hit.get("name").asText()).isEqualTo("철제 우산꽂이");
    }

    @Test
    void deletingAnItemMakesItGoneEverywhereAtOnce() {
        Map<String, Object> body = validItem("temp-to-delete");
        body.put("name", "삭제될 유리 장식");
        TestHttp.Response created = info.get().http.postJson(ITEMS, TestHttp.json(body), admin.auth());
        String id = created.json().get("id").asText();
        assertThat(info.get().http.get(ITEMS + "/" + id).status()).isEqualTo(200); // now cached
        assertThat(slugs(search("삭제될 유리 장식"))).first().isEqualTo("temp-to-delete"); // now cached too
        long glass = glassCount();

        assertThat(send("DELETE", ITEMS + "/" + id, "", admin).status()).isEqualTo(204);

        assertThat(info.get().http.get(ITEMS + "/" + id).status()).isEqualTo(404);
        assertThat(glassCount()).isEqualTo(glass - 1);
        assertThat(slugs(search("삭제될 유리 장식"))).doesNotContain("temp-to-delete");
        assertThat(send("DELETE", ITEMS + "/" + id, "", admin).status()).isEqualTo(404);
        assertThat(send("PUT", ITEMS + "/" + id, TestHttp.json(validItem(null)), admin)
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "points|unknown",
                "name|null",
                "name|blank",
                "name|long",
                "category|null",
                "category|unknown",
                "description|null",
                "how_to_recycle|null",
                "how_to_recycle|empty",
                "how_to_recycle|eleven",
                "tips|eleven",
                "search_keywords|blankEntry",
                "search_keywords|longEntry",
                "images|notUrl",
                "recyclable|null",
                "recyclable|string",
                "name|number",
                "slug|bad",
                "tips|notArray",
                "do_not_do|nullEntry"
            })
    void invalidItemsAre422NamingTheFieldAndWriteNothing(String caseLine) {
        String[] parts = caseLine.split("\\|");
        Map<String, Object> body = validItem("invalid-" + parts[0].replace('_', '-'));
        body.put(parts[0], badValue(parts[1]));
        TestHttp.Response r = info.get().http.postJson(ITEMS, TestHttp.json(body), admin.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[0]);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items WHERE slug LIKE 'invalid-%'"))
                .isZero();
    }

    @Test
    void everyBadFieldIsListedInOneAnswer() {
        Map<String, Object> body = validItem("several-bad");
        body.put("name", "");
        body.put("category", "space");
        body.put("how_to_recycle", List.of());
        TestHttp.Response r = info.get().http.postJson(ITEMS, TestHttp.json(body), admin.auth());

        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "category", "how_to_recycle");
    }

    @Test
    void malformedBodiesAre400() {
        assertThat(info.get().http.postJson(ITEMS, "{\"name\":", admin.auth()).status())
                .isEqualTo(400);
        assertThat(info.get()
                        .http
                        .post(ITEMS, "text/plain", "x".getBytes(StandardCharsets.UTF_8), admin.auth())
                        .status())
                .isEqualTo(400);
    }

    static Object badValue(String kind) {
        return switch (kind) {
            case "null" -> null;
            case "blank" -> "   ";
            case "long" -> "가".repeat(101);
            case "unknown" -> "space";
            case "empty" -> List.of();
            case "eleven" -> Collections.nCopies(11, "한 단계");
            case "blankEntry" -> List.of("ok", " ");
            case "longEntry" -> List.of("x".repeat(51));
            case "notUrl" -> List.of("javascript:alert(1)");
            case "string" -> "yes";
            case "number" -> 42;
            case "bad" -> "Not A Slug";
            case "notArray" -> "one tip";
            case "nullEntry" -> Arrays.asList("ok", null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static Map<String, Object> validItem(String slug) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (slug != null) item.put("slug", slug);
        item.put("name", " 유리 풍경종 ");
        item.put("name_en", "Glass wind chime");
        item.put("category", "glass");
        item.put("subcategory", "유리");
        item.put("description", "유리로 된 풍경종은 유리병과 재질이 달라 깨지지 않게 싸서 버립니다.");
        item.put("how_to_recycle", List.of("신문지로 감쌉니다.", "불연성 마대에 담아 버립니다."));
        item.put("do_not_do", List.of("유리병 수거함에 넣기"));
        item.put("tips", List.of());
        item.put("images", List.of("https://example.com/chime.png"));
        item.put("recyclable", false);
        item.put("search_keywords", List.of("풍경", "wind chime"));
        return item;
    }

    static TestHttp.Response send(String method, String path, String body, InfoTestApp.User caller) {
        String[] headers = caller == null ? new String[0] : caller.auth();
        return info.get().http.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static JsonNode search(String query) {
        TestHttp.Response r = info.get().http.postJson(ITEMS + "/search", TestHttp.json(Map.of("query", query)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> slugs(JsonNode result) {
        List<String> slugs = new ArrayList<>();
        result.get("items").forEach(hit -> slugs.add(hit.get("slug").asText()));
        return slugs;
    }

    static long glassCount() {
        return categoryCount("glass");
    }

    /** Through GET /categories, i.e. what clients see, cache included. */
    static long categoryCount(String key) {
        for (JsonNode category :
                info.get().http.get("/api/v1/recycle/categories").json().get("items")) {
            if (category.get("key").asText().equals(key))
                return category.get("item_count").asLong();
        }
        throw new AssertionError("no category " + key);
    }

    static long generation() {
        String value = info.get().infra.redis().get("recycle:search-generation");
        return value == null ? 0 : Long.parseLong(value);
    }
}
