package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.workers.llm.LlmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Duplicates and crashes: one task per Idempotency-Key, a resumed task ends once, and the daily cap is exact. */
class ScanFaultsIT {
    static final int CAP = 3;

    @RegisterExtension
    static final RunningApp<ScanTestApp> app = RunningApp.of(() -> ScanTestApp.start(LlmSettings.offline(), CAP));

    @Test
    void twelveParallelRequestsWithOneKeyMakeOneTask() throws Exception {
        ScanTestApp.User user = app.get().register();
        String[] headers = ScanInputIT.concat(user.auth(), "Idempotency-Key", "retry-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> app.get().http.postJson("/api/v1/scan", "{\"text\":\"페트병\"}", headers));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<TestHttp.Response> f : pool.invokeAll(calls)) {
                TestHttp.Response response = f.get();
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                ids.add(response.json().get("task_id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(app.get()
                            .count("SELECT count(*) FROM scan.tasks WHERE user_id = CAST('" + user.id() + "' AS uuid)"))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        TestHttp.Response differentBody = app.get().http.postJson("/api/v1/scan", "{\"text\":\"유리병\"}", headers);
        assertThat(differentBody.status()).isEqualTo(409);
        assertThat(differentBody.json().get("code").asText()).isEqualTo("conflict");
        // The key belongs to its caller: someone else may use the same one.
        ScanTestApp.User other = app.get().register();
        String[] otherHeaders = ScanInputIT.concat(other.auth(), "Idempotency-Key", headers[headers.length - 1]);
        assertThat(app.get()
                        .http
                        .postJson("/api/v1/scan", "{\"text\":\"유리병\"}", otherHeaders)
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aTaskLeftMidwayAndDeliveredTwiceEndsOnceWithOneReward() throws Exception {
        ScanTestApp.User user = app.get().register();
        JsonNode hit = app.get()
                .http
                .postJson("/api/v1/recycle/items/search", "{\"query\":\"유리병\",\"limit\":1}")
                .json()
                .get("items")
                .get(0);
        UUID taskId = UUID.randomUUID();
        String classification = TestHttp.json(Map.of(
                "category", hit.get("category").asText(),
                "subcategory", hit.get("subcategory").asText(),
                "item_name", hit.get("name").asText(),
                "item_id", hit.get("id").asText(),
                "confidence", 0.9));
        // As a worker killed after the vision stage leaves it: processing, its first outcome stored.
        app.get()
                .db
                .useHandle(h -> h.createUpdate("INSERT INTO scan.tasks (id, user_id, caller, input_text, has_image, "
                                + "status, stage, progress, classification) VALUES (:id, CAST(:user AS uuid), :caller, "
                                + "'유리병', false, 'processing', 'vision', 25, CAST(:c AS jsonb))")
                        .bind("id", taskId)
                        .bind("user", user.id())
                        .bind("caller", "user:" + user.id())
                        .bind("c", classification)
                        .execute());
        for (int i = 0; i < 2; i++) { // the redelivery, and a duplicate of it
            app.get()
                    .db
                    .useHandle(h -> h.createUpdate("INSERT INTO scan.outbox (id, type, payload) VALUES (:id, "
                                    + "'scan.requested', CAST(:p AS jsonb))")
                            .bind("id", UUID.randomUUID())
                            .bind(
                                    "p",
                                    TestHttp.json(Map.of(
                                            "id", UUID.randomUUID().toString(),
                                            "type", "scan.requested",
                                            "occurred_at", "2026-12-05T00:00:00Z",
                                            "source", "workers",
                                            "data", Map.of("task_id", taskId.toString()))))
                            .execute());
        }
        JsonNode done = ScanOfflineIT.awaitEnd(app.get(), user, taskId.toString());
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("result").get("points_awarded").asInt()).isEqualTo(10);
        Await.until(() -> app.get().count("SELECT count(*) FROM scan.outbox WHERE published_at IS NULL") == 0);
        Await.until(() -> app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt()
                == 10);
        assertThat(app.get()
                        .count("SELECT count(*) FROM scan.outbox WHERE type = 'scan.completed' "
                                + "AND payload->'data'->>'task_id' = '" + taskId + "'"))
                .isEqualTo(1);
        assertThat(app.get()
                        .count("SELECT count(*) FROM character.ownerships WHERE code = 'glass' AND user_id = CAST('"
                                + user.id() + "' AS uuid)"))
                .isEqualTo(1);
        assertThat(app.get()
                        .count("SELECT paid FROM scan.daily_paid WHERE user_id = CAST('" + user.id() + "' AS uuid)"))
                .isEqualTo(1);
    }

    @Test
    void theDailyCapPaysExactlyCapScansEvenWhenTheyRace() throws Exception {
        ScanTestApp.User user = app.get().register();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < CAP + 2; i++) tasks.add(ScanOfflineIT.submit(app.get(), user, "페트병"));
        List<Integer> paid = new ArrayList<>();
        for (String task : tasks) {
            paid.add(ScanOfflineIT.awaitEnd(app.get(), user, task)
                    .get("result")
                    .get("points_awarded")
                    .asInt());
        }
        assertThat(paid.stream().filter(p -> p == 10).count()).isEqualTo(CAP);
        assertThat(paid.stream().collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 10);
        Await.until(() -> app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt()
                == 10 * CAP);
        Await.until(() -> app.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("total_scans")
                        .asInt()
                == CAP + 2);
        assertThat(app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt())
                .isEqualTo(10 * CAP);
    }
}
