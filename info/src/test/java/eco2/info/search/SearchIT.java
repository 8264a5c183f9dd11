package eco2.info.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.info.InfoTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** POST /items/search: what matches, ranking and scores, limits, validation, hostile input, caching and history. */
class SearchIT {
    static final String SEARCH = "/api/v1/recycle/items/search";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @Test
    void aKoreanSubstringFindsTheWholeWordFirst() {
        JsonNode result = search("{\"query\":\"페트\"}");

        assertThat(slugs(result).get(0)).isEqualTo("pet-bottle-clear");
        assertThat(slugs(result)).contains("pet-bottle-colored", "pet-bottle-label");
        JsonNode top = result.get("items").get(0);
        assertThat(top.get("name").asText()).isEqualTo("투명 페트병");
        assertThat(top.get("how_to_recycle").isArray()).isTrue();
        assertThat(top.get("search_keywords").isArray()).isTrue();
        assertThat(top.get("score").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void typosSpacingAndEnglishFindTheItem() {
        assertThat(slugs(search("{\"query\":\"페트벙\"}")).get(0)).isEqualTo("pet-bottle-clear");
        assertThat(slugs(search("{\"query\":\"투명페트병\"}")).get(0)).isEqualTo("pet-bottle-clear");
        assertThat(slugs(search("{\"query\":\"  투명   페트병 \"}")).get(0)).isEqualTo("pet-bottle-clear");
        assertThat(slugs(search("{\"query\":\"PET Bottle\"}")).get(0)).isEqualTo("pet-bottle-clear");
        assertThat(slugs(search("{\"query\":\"styrofoam\"}")).get(0)).isEqualTo("styrofoam");
    }

    @Test
    void scoresAreSortedAndAnExactNameScoresOne() {
        JsonNode result = search("{\"query\":\"건전지\",\"limit\":20}");
        List<Double> scores = new ArrayList<>();
        result.get("items").forEach(hit -> scores.add(hit.get("score").asDouble()));

        assertThat(scores.get(0)).isEqualTo(1.0);
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aNameMatchOutranksAKeywordMatchWhichOutranksTheDescription() {
        // 냉장고 is the name of refrigerator and a keyword of nothing else; "김치냉장고" is only a keyword.
        JsonNode exact = search("{\"query\":\"냉장고\"}").get("items").get(0);
        JsonNode keyword = search("{\"query\":\"김치냉장고\"}").get("items").get(0);
        assertThat(exact.get("slug").asText()).isEqualTo("refrigerator");
        assertThat(keyword.get("slug").asText()).isEqualTo("refrigerator");
        assertThat(exact.get("score").asDouble())
                .isGreaterThan(keyword.get("score").asDouble());

        // A word that only appears in descriptions still finds items, below any name or keyword hit.
        JsonNode descriptionOnly = search("{\"query\":\"고품질\"}").get("items");
        assertThat(descriptionOnly).isNotEmpty();
        assertThat(descriptionOnly.get(0).get("score").asDouble()).isLessThan(0.5);
    }

    @Test
    void theCategoryNarrowsTheResults() {
        JsonNode result = search("{\"query\":\"뚜껑\",\"category\":\"metal\",\"limit\":50}");

        assertThat(result.get("category").asText()).isEqualTo("metal");
        assertThat(result.get("items")).isNotEmpty();
        result.get("items")
                .forEach(hit -> assertThat(hit.get("category").asText()).isEqualTo("metal"));
        assertThat(slugs(result)).contains("bottle-cap-metal").doesNotContain("bottle-cap-plastic");
    }

    @Test
    void theLimitDefaultsToTenAndCapsTheResults() {
        assertThat(search("{\"query\":\"병\"}").get("items")).hasSize(10);
        assertThat(search("{\"query\":\"병\",\"limit\":3}").get("items")).hasSize(3);
        assertThat(search("{\"query\":\"병\",\"limit\":50}").get("items").size()).isBetween(11, 50);
        assertThat(search("{\"query\":\"병\"}").get("limit").asInt()).isEqualTo(10);
    }

    @Test
    void nothingMatchingIsAnEmptyList() {
        JsonNode result = search("{\"query\":\"zzqxjv\"}");
        assertThat(result.get("items")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; DROP TABLE items; --",
                "%",
                "_",
                "\\\\",
                "%%__",
                "페트%",
                "' OR 1=1 --",
                "\\\\%",
                "<script>alert(1)</script>",
                ":query",
                "$1",
                "a & b | !c",
                "\\\"quoted\\\""
            })
    void injectionShapedQueriesAreJustText(String query) {
        TestHttp.Response r = info.get().http.postJson(SEARCH, "{\"query\":\"" + query + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("items").isArray()).isTrue();
        // Wildcards are escaped: "%" finds only terms that contain a percent sign (none), not every item.
        if (query.equals("%") || query.equals("_") || query.equals("%%__"))
            assertThat(r.json().get("items")).isEmpty();
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items")).isEqualTo(148);
    }

    @Test
    void aCachedAnswerIsByteForByteTheFreshOne() {
        String body = "{\"query\":\"우유팩\",\"limit\":5}";
        String key = cacheKey("5:우유팩");
        RedisClient redis = info.get().infra.redis();
        redis.del(key);
        String fresh = post(body).body();
        assertThat(redis.get(key)).as("stored under %s", key).isEqualTo(fresh);
        String cached = post(body).body();
        assertThat(cached).isEqualTo(fresh);
        // Spelling the same query differently reaches the same entry.
        assertThat(post("{\"query\":\"  우유팩 \",\"limit\":5}").body()).isEqualTo(fresh);
    }

    @Test
    void theCachedAndTheUncachedServiceAnswerAlike() throws Exception {
        try (InfoTestApp uncached = InfoTestApp.start(false, TestServices.get().redisUri())) {
            for (String query : List.of("페트", "건전지 버리는 법", "스티로퐘", "milk")) {
                String body = TestHttp.json(Map.of("query", query));
                JsonNode a = info.get().http.postJson(SEARCH, body).json();
                JsonNode b = uncached.http.postJson(SEARCH, body).json();
                // Ids differ between the two databases; everything else, order and scores included, must not.
                assertThat(withoutIds(a)).as(query).isEqualTo(withoutIds(b));
            }
        }
    }

    @Test
    void aSignedInCallersQueriesAreKeptAnAnonymousOnesAreOnlyCounted() throws Exception {
        InfoTestApp.User user = info.get().register();
        assertThat(info.get()
                        .http
                        .postJson(SEARCH, "{\"query\":\"  Battery \"}", user.auth())
                        .status())
                .isEqualTo(200);
        assertThat(info.get()
                        .http
                        .postJson(SEARCH, "{\"query\":\"anonymous-only\"}")
                        .status())
                .isEqualTo(200);
        // An invalid token does not fail a public search; it is simply anonymous.
        assertThat(info.get()
                        .http
                        .postJson(SEARCH, "{\"query\":\"anonymous-only\"}", "Authorization", "Bearer nope")
                        .status())
                .isEqualTo(200);

        Await.until(() -> info.get()
                        .count("SELECT count(*) FROM recycle_info.search_counts WHERE query = 'anonymous-only' "
                                + "AND count = 2")
                == 1);
        Await.until(() -> info.get()
                        .count("SELECT count(*) FROM recycle_info.user_queries WHERE user_id = '" + user.id()
                                + "' AND query = 'Battery'")
                == 1);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.user_queries WHERE query = 'anonymous-only'"))
                .isZero();
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.search_counts WHERE query = 'battery'"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}|query",
                "{\"query\":null}|query",
                "{\"query\":\"\"}|query",
                "{\"query\":\"   \"}|query",
                "{\"query\":123}|query",
                "{\"query\":[\"페트\"]}|query",
                "{\"query\":\"페트\",\"limit\":0}|limit",
                "{\"query\":\"페트\",\"limit\":51}|limit",
                "{\"query\":\"페트\",\"limit\":\"5\"}|limit",
                "{\"query\":\"페트\",\"limit\":2.5}|limit",
                "{\"query\":\"페트\",\"category\":\"food-ish\"}|category",
                "{\"query\":\"페트\",\"category\":5}|category",
                "{\"query\":\"페트\",\"sort\":\"name\"}|sort",
                "{\"query\":\"a\\u0000b\"}|query",
                "{\"query\":\"페트\\ud800\"}|query",
                "{\"query\":\"페트\\u001b\"}|query"
            })
    void badBodiesAre422NamingTheField(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = post(parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[1]);
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        TestHttp.Response r = post("{\"query\":\"\",\"limit\":99,\"category\":\"nope\",\"extra\":1}");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("extra");
        TestHttp.Response rules = post("{\"query\":\"\",\"limit\":99,\"category\":\"nope\"}");
        assertThat(rules.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("query", "limit", "category");
    }

    @Test
    void aQueryOfOneHundredCharactersIsTheLongestAccepted() {
        assertThat(post(TestHttp.json(Map.of("query", "가".repeat(100)))).status())
                .isEqualTo(200);
        TestHttp.Response tooLong = post(TestHttp.json(Map.of("query", "가".repeat(101))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("message").asText()).contains("100");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        TestHttp.Response r = post("{\"query\":\"" + "a".repeat(1024 * 1024) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void malformedJsonAndTheWrongContentTypeAre400() {
        assertThat(post("{\"query\":").status()).isEqualTo(400);
        assertThat(post("[\"페트\"]").status()).isEqualTo(400);
        TestHttp.Response form =
                info.get().http.post(SEARCH, "text/plain", "query=페트".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("code").asText()).isEqualTo("bad_request");
    }

    static String cacheKey(String suffix) {
        long generation = info.get().infra.redis().get("recycle:search-generation") == null
                ? 0
                : Long.parseLong(info.get().infra.redis().get("recycle:search-generation"));
        return "recycle:search:" + generation + ":-:" + suffix;
    }

    static JsonNode withoutIds(JsonNode result) {
        JsonNode copy = result.deepCopy();
        copy.get("items").forEach(hit -> ((ObjectNode) hit).remove("id"));
        return copy;
    }

    static TestHttp.Response post(String body) {
        return info.get().http.postJson(SEARCH, body);
    }

    static JsonNode search(String body) {
        TestHttp.Response r = post(body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> slugs(JsonNode result) {
        List<String> slugs = new ArrayList<>();
        result.get("items").forEach(hit -> slugs.add(hit.get("slug").asText()));
        return slugs;
    }
}
