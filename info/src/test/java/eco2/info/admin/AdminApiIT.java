package eco2.info.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** info mounts the shared admin endpoints under /api/v1/recycle with its catalogue counts and no queues. */
class AdminApiIT {
    static InfoTestApp info;

    @BeforeAll
    static void start() throws Exception {
        info = InfoTestApp.start();
    }

    @AfterAll
    static void stop() {
        info.close();
    }

    @Test
    void statsCountTheCatalogue() {
        info.db.useHandle(
                h -> h.execute("INSERT INTO recycle_info.faqs (slug, category, question, answer, display_order) "
                        + "SELECT 'admin-stats-test', key, 'q?', 'a.', 999 FROM recycle_info.categories LIMIT 1"));
        TestHttp.Response r =
                info.http.get("/api/v1/recycle/admin/stats", info.admin().auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("info");
        assertThat(stats.get("outbox_backlog").asLong()).isZero();
        assertThat(stats.get("dead_letters")).isEmpty();
        assertThat(stats.get("counts").get("items_total").asLong())
                .isEqualTo(info.count("SELECT count(*) FROM recycle_info.items"))
                .isPositive();
        assertThat(stats.get("counts").get("faq_total").asLong())
                .isEqualTo(info.count("SELECT count(*) FROM recycle_info.faqs"));
    }

    @Test
    void onlyAdminsGetInAndThereAreNoQueuesToBrowse() {
        assertThat(info.http.get("/api/v1/recycle/admin/stats").status()).isEqualTo(401);
        assertThat(info.http
                        .get("/api/v1/recycle/admin/stats", info.register().auth())
                        .status())
                .isEqualTo(403);
        TestHttp.Response foreign = info.http.get(
                "/api/v1/recycle/admin/dead-letters/my.rewards", info.admin().auth());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asText()).isEqualTo("not_found");
    }
}
