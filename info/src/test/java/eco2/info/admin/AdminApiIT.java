package eco2.info.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** info mounts the shared admin endpoints under /api/v1/recycle with its catalogue counts and its user.deleted queue. */
class AdminApiIT {
    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @Test
    void statsCountTheCatalogue() {
        InfoTestApp app = info.get();
        app.db.useHandle(
                h -> h.execute("INSERT INTO recycle_info.faqs (slug, category, question, answer, display_order) "
                        + "SELECT 'admin-stats-test', key, 'q?', 'a.', 999 FROM recycle_info.categories LIMIT 1"));
        TestHttp.Response r =
                app.http.get("/api/v1/recycle/admin/stats", app.admin().auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("info");
        assertThat(stats.get("outbox_backlog").asLong()).isZero();
        assertThat(stats.get("dead_letters")).hasSize(1);
        assertThat(stats.get("dead_letters").get(0).get("queue").asText()).isEqualTo(app.config.userDeletedQueue());
        assertThat(stats.get("dead_letters").get(0).get("depth").asLong()).isZero();
        assertThat(stats.get("counts").get("items_total").asLong())
                .isEqualTo(app.count("SELECT count(*) FROM recycle_info.items"))
                .isPositive();
        assertThat(stats.get("counts").get("faq_total").asLong())
                .isEqualTo(app.count("SELECT count(*) FROM recycle_info.faqs"));
    }

    @Test
    void onlyAdminsGetInAndOnlyToInfosOwnQueue() {
        assertThat(info.get().http.get("/api/v1/recycle/admin/stats").status()).isEqualTo(401);
        assertThat(info.get()
                        .http
                        .get(
                                "/api/v1/recycle/admin/stats",
                                info.get().register().auth())
                        .status())
                .isEqualTo(403);
        String[] admin = info.get().admin().auth();
        TestHttp.Response own = info.get()
                .http
                .get("/api/v1/recycle/admin/dead-letters/" + info.get().config.userDeletedQueue(), admin);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("messages")).isEmpty();
        TestHttp.Response foreign = info.get().http.get("/api/v1/recycle/admin/dead-letters/my.rewards", admin);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asText()).isEqualTo("not_found");
    }
}
