package eco2.info.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /stats: items per category, the top searches of the last 7 days and the most viewed questions. */
class StatsIT {
    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @Test
    void itemsPerCategoryAddUpToTheCatalogue() {
        JsonNode stats = stats();
        assertThat(stats.get("total_items").asLong()).isEqualTo(148);
        assertThat(stats.get("items_by_category")).hasSize(9);
        long sum = 0;
        for (JsonNode row : stats.get("items_by_category"))
            sum += row.get("item_count").asLong();
        assertThat(sum).isEqualTo(148);
        assertThat(stats.get("items_by_category").get(0).get("category").asText())
                .isEqualTo("plastic");
    }

    @Test
    void topSearchesCountEveryoneWithinSevenDaysAndNothingOlder() throws Exception {
        InfoTestApp.User user = info.get().register();
        for (int i = 0; i < 3; i++) search("건전지", user);
        for (int i = 0; i < 2; i++) search(" 건전지 ", null); // the same query, normalised
        search("Pizza Box", null);
        // Counts from 8 days ago fall outside the window; 6 days ago is inside.
        info.get()
                .db
                .useHandle(h -> h.execute("INSERT INTO recycle_info.search_counts (day, query, count) VALUES "
                        + "((now() AT TIME ZONE 'Asia/Seoul')::date - 8, 'old news', 100), "
                        + "((now() AT TIME ZONE 'Asia/Seoul')::date - 6, 'pizza box', 1)"));

        Await.until(() -> count("건전지") == 5 && count("pizza box") == 2);
        assertThat(count("old news")).isZero();
        List<String> queries = new ArrayList<>();
        stats().get("top_searches").forEach(row -> queries.add(row.get("query").asText()));
        assertThat(queries).startsWith("건전지", "pizza box").hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void theMostViewedQuestionsComeFirstAndAreFive() {
        String id = info.get().faqId("medicine-where");
        long most = info.get().count("SELECT max(view_count) FROM recycle_info.faqs");
        for (long i = 0; i <= most; i++) info.get().http.get("/api/v1/recycle/faq/" + id);

        JsonNode viewed = stats().get("most_viewed_faqs");
        assertThat(viewed).hasSize(5);
        assertThat(viewed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(viewed.get(0).get("view_count").asLong()).isEqualTo(most + 1);
        assertThat(viewed.get(0).get("question").asText()).isNotBlank();
    }

    static long count(String query) {
        for (JsonNode row : stats().get("top_searches")) {
            if (row.get("query").asText().equals(query)) return row.get("count").asLong();
        }
        return 0;
    }

    static void search(String query, InfoTestApp.User user) {
        String body = TestHttp.json(Map.of("query", query));
        TestHttp.Response r = user == null
                ? info.get().http.postJson("/api/v1/recycle/items/search", body)
                : info.get().http.postJson("/api/v1/recycle/items/search", body, user.auth());
        assertThat(r.status()).isEqualTo(200);
    }

    static JsonNode stats() {
        TestHttp.Response r = info.get().http.get("/api/v1/recycle/stats");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
