package eco2.info.faq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /faq and /faq/{id}, POST /faq/{id}/helpful: order, paging, view counts and votes, also under concurrency. */
class FaqIT {
    static final String FAQ = "/api/v1/recycle/faq";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @Test
    void theListFollowsTheCuratedOrderAndPages() {
        JsonNode first = list("?size=10");
        assertThat(first.get("total").asLong()).isEqualTo(33);
        assertThat(first.get("items")).hasSize(10);
        assertThat(first.get("items").get(0).get("slug").asText()).isEqualTo("four-principles");
        List<Integer> orders = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            list("?size=10&page=" + page)
                    .get("items")
                    .forEach(faq -> orders.add(faq.get("display_order").asInt()));
        }
        assertThat(orders).hasSize(33).isSorted().doesNotHaveDuplicates();
        assertThat(list("?size=10&page=4").get("items")).hasSize(3);
        assertThat(list("?size=10&page=5").get("items")).isEmpty();
        JsonNode faq = first.get("items").get(0);
        for (String field : List.of(
                "id", "slug", "category", "question", "answer", "display_order", "view_count", "helpful_count")) {
            assertThat(faq.has(field)).as(field).isTrue();
        }
    }

    @Test
    void aCategoryFilterKeepsOnlyItsQuestions() {
        JsonNode page = list("?category=hazardous&size=100");
        assertThat(page.get("total").asLong()).isPositive();
        page.get("items")
                .forEach(faq -> assertThat(faq.get("category").asText()).isEqualTo("hazardous"));
    }

    @Test
    void popularPutsTheMostViewedFirst() {
        String id = info.get().faqId("which-styrofoam");
        long mostViews = info.get().count("SELECT max(view_count) FROM recycle_info.faqs");
        for (long i = views(id); i <= mostViews; i++)
            assertThat(info.get().http.get(FAQ + "/" + id).status()).isEqualTo(200);

        JsonNode popular = list("?sort=popular&size=100").get("items");
        assertThat(popular.get(0).get("id").asText()).isEqualTo(id);
        List<Long> counts = new ArrayList<>();
        popular.forEach(faq -> counts.add(faq.get("view_count").asLong()));
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0|page",
                "size=0|size",
                "size=101|size",
                "size=x|size",
                "sort=views|sort",
                "category=drinks|category"
            })
    void badParametersAre422(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = info.get().http.get(FAQ + "?" + parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(parts[1]);
    }

    @Test
    void eachDetailViewCountsOnce() {
        String id = info.get().faqId("four-principles");
        long before =
                info.get().http.get(FAQ + "/" + id).json().get("view_count").asLong();
        long after =
                info.get().http.get(FAQ + "/" + id).json().get("view_count").asLong();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void concurrentViewsLoseNoUpdate() throws Exception {
        String id = info.get().faqId("vinyl-vs-plastic");
        long before = views(id);
        int threads = 16;
        int perThread = 10;
        List<Integer> statuses = race(threads, () -> {
            int ok = 0;
            for (int i = 0; i < perThread; i++)
                ok += info.get().http.get(FAQ + "/" + id).status() == 200 ? 1 : 0;
            return ok;
        });

        assertThat(statuses.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * perThread);
        assertThat(views(id)).isEqualTo(before + threads * perThread);
    }

    @Test
    void helpfulNeedsATokenAndCountsOncePerUser() {
        String id = info.get().faqId("why-separate-clear-pet");
        assertThat(info.get().http.postJson(FAQ + "/" + id + "/helpful", "").status())
                .isEqualTo(401);
        assertThat(info.get()
                        .http
                        .postJson(FAQ + "/" + id + "/helpful", "", "Authorization", "Bearer nope")
                        .status())
                .isEqualTo(401);

        InfoTestApp.User user = info.get().register();
        TestHttp.Response first = info.get().http.postJson(FAQ + "/" + id + "/helpful", "", user.auth());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("helpful_count").asLong()).isEqualTo(1);
        TestHttp.Response again = info.get().http.postJson(FAQ + "/" + id + "/helpful", "", user.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("conflict");
        assertThat(helpful(id)).isEqualTo(1);
    }

    @Test
    void oneUserVotingFromManyThreadsAtOnceCountsOnce() throws Exception {
        String id = info.get().faqId("four-principles");
        InfoTestApp.User user = info.get().register();
        long before = helpful(id);

        List<Integer> statuses = race(
                12,
                () -> info.get()
                        .http
                        .postJson(FAQ + "/" + id + "/helpful", "", user.auth())
                        .status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
        assertThat(helpful(id)).isEqualTo(before + 1);
    }

    @Test
    void manyUsersVotingAtOnceAreAllCounted() throws Exception {
        String id = info.get().faqId("pet-bottle-cap");
        List<InfoTestApp.User> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) users.add(info.get().register());
        long before = helpful(id);
        AtomicInteger next = new AtomicInteger();

        List<Integer> statuses = race(
                users.size(),
                () -> info.get()
                        .http
                        .postJson(
                                FAQ + "/" + id + "/helpful",
                                "",
                                users.get(next.getAndIncrement()).auth())
                        .status());

        assertThat(statuses).containsOnly(200);
        assertThat(helpful(id)).isEqualTo(before + users.size());
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.faq_helpful WHERE faq_id = '" + id + "'"))
                .isEqualTo(before + users.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "nope", "1"})
    void unknownQuestionsAre404(String id) {
        assertThat(info.get().http.get(FAQ + "/" + id).status()).isEqualTo(404);
        InfoTestApp.User user = info.get().register();
        TestHttp.Response vote = info.get().http.postJson(FAQ + "/" + id + "/helpful", "", user.auth());
        assertThat(vote.status()).isEqualTo(404);
        assertThat(vote.json().get("code").asText()).isEqualTo("not_found");
    }

    /** Runs the task on {@code threads} threads released together; returns each result. */
    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(future.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static long views(String id) {
        return info.get().count("SELECT view_count FROM recycle_info.faqs WHERE id = '" + id + "'");
    }

    static long helpful(String id) {
        return info.get().count("SELECT helpful_count FROM recycle_info.faqs WHERE id = '" + id + "'");
    }

    static JsonNode list(String query) {
        TestHttp.Response r = info.get().http.get(FAQ + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
