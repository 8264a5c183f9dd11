package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Offline text scans end to end: HTTP → outbox → broker → pipeline (info over HTTP) → my's points, characters. */
class ScanOfflineIT {
    @RegisterExtension
    static final RunningApp<ScanTestApp> app = RunningApp.of(ScanTestApp::start);

    static String submit(ScanTestApp app, ScanTestApp.User user, String text) {
        TestHttp.Response accepted =
                app.http.postJson("/api/v1/scan", TestHttp.json(Map.of("text", text)), user.auth());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode body = accepted.json();
        assertThat(body.get("status").asText()).isEqualTo("queued");
        String taskId = body.get("task_id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/scan/" + taskId);
        assertThat(body.get("result_url").asText()).isEqualTo("/api/v1/scan/" + taskId);
        assertThat(body.get("stream_url").asText()).startsWith("/api/v1/scan/" + taskId + "/events?ticket=");
        return taskId;
    }

    static JsonNode awaitEnd(ScanTestApp app, ScanTestApp.User user, String taskId) throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        Await.until(() -> {
            TestHttp.Response task = app.http.get("/api/v1/scan/" + taskId, user.auth());
            last[0] = task.json();
            return task.status() == 200 && !last[0].get("status").asText().matches("queued|processing");
        });
        return last[0];
    }

    @Test
    void aPetBottlePaysTenPointsAndUnlocksPettyOnce() throws Exception {
        ScanTestApp.User user = app.get().register();
        JsonNode done = awaitEnd(app.get(), user, submit(app.get(), user, "페트병"));

        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("stage").asText()).isEqualTo("done");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        JsonNode result = done.get("result");
        assertThat(result.get("category").asText()).isEqualTo("plastic");
        assertThat(result.get("item").get("name").asText()).contains("페트병");
        assertThat(result.get("item").get("subcategory").asText()).isEqualTo("페트");
        assertThat(result.get("how_to_recycle")).isNotEmpty();
        assertThat(result.get("answer").asText())
                .contains(result.get("how_to_recycle").get(0).asText());
        assertThat(result.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(result.get("points_awarded").asInt()).isEqualTo(10);
        assertThat(result.get("character_unlocked").get("name").asText()).isEqualTo("페티");

        Await.until(() -> app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt()
                == 10);
        JsonNode mine = app.get().http.get("/api/v1/characters/me", user.auth()).json();
        assertThat(mine.get("items")).extracting(c -> c.get("name").asText()).containsExactly("이코", "페티");

        // A second PET bottle pays again but unlocks nothing new.
        JsonNode again = awaitEnd(app.get(), user, submit(app.get(), user, "페트병"));
        assertThat(again.get("result").get("points_awarded").asInt()).isEqualTo(10);
        assertThat(again.get("result").get("character_unlocked").isNull()).isTrue();
        Await.until(() -> app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt()
                == 20);
        assertThat(app.get()
                        .count("SELECT count(*) FROM character.ownerships WHERE code = 'pet' AND user_id = CAST('"
                                + user.id() + "' AS uuid)"))
                .isEqualTo(1);
        assertThat(app.get()
                        .count("SELECT count(*) FROM character.outbox WHERE type = 'character.unlocked' "
                                + "AND payload->'data'->>'user_id' = '" + user.id() + "'"))
                .isEqualTo(1);
        assertThat(app.get()
                        .count("SELECT count(*) FROM scan.images i JOIN scan.tasks t ON t.id = i.task_id "
                                + "WHERE t.status = 'done'"))
                .isZero();
    }

    @Test
    void brokenGlassIsGeneralWasteAsTheGuideSays() throws Exception {
        ScanTestApp.User user = app.get().register();
        JsonNode done = awaitEnd(app.get(), user, submit(app.get(), user, "깨진 유리"));

        assertThat(done.get("status").asText()).isEqualTo("done");
        JsonNode result = done.get("result");
        assertThat(result.get("category").asText()).isEqualTo("general");
        String itemId = result.get("item").get("id").asText();
        JsonNode guide = app.get().http.get("/api/v1/recycle/items/" + itemId).json();
        assertThat(result.get("how_to_recycle")).isEqualTo(guide.get("how_to_recycle"));
        assertThat(result.get("do_not_do")).isEqualTo(guide.get("do_not_do"));
    }

    @Test
    void aNonsensePhraseEndsWithNoItemAndPaysNothing() throws Exception {
        ScanTestApp.User user = app.get().register();
        JsonNode done = awaitEnd(app.get(), user, submit(app.get(), user, "쿠아랑뽀뽀냐 zxqv"));

        assertThat(done.get("status").asText()).isEqualTo("done");
        JsonNode result = done.get("result");
        assertThat(result.get("item").isNull()).isTrue();
        assertThat(result.get("points_awarded").asInt()).isZero();
        assertThat(result.get("character_unlocked").isNull()).isTrue();
        assertThat(result.get("answer").asText()).contains("찾지 못했어요");
        String completed = "SELECT count(*) FROM scan.outbox WHERE type = 'scan.completed' AND published_at IS NOT NULL"
                + " AND payload->'data'->>'task_id' = '" + done.get("task_id").asText() + "'";
        Await.until(() -> app.get().count(completed) == 1);
        assertThat(app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt())
                .isZero();
    }

    @Test
    void aRegionAddsItsRule() throws Exception {
        ScanTestApp.User user = app.get().register();
        TestHttp.Response accepted = app.get()
                .http
                .postJson("/api/v1/scan", TestHttp.json(Map.of("text", "우유팩", "region", "서울")), user.auth());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = awaitEnd(app.get(), user, accepted.json().get("task_id").asText());
        assertThat(done.get("result").get("answer").asText()).contains("서울특별시 기준");
        assertThat(done.get("result").get("character_unlocked").get("name").asText())
                .isEqualTo("팩토리");
    }

    @Test
    void readyReportsTheOfflineMode() {
        TestHttp.Response ready = app.get().http.get("/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().toString()).contains("\"llm\":\"offline\"");
    }

    @Test
    void deletingTheAccountPurgesTasksImagesAndCharacters() throws Exception {
        ScanTestApp.User user = app.get().register();
        awaitEnd(app.get(), user, submit(app.get(), user, "페트병"));
        String owned = "SELECT count(*) FROM character.ownerships WHERE user_id = CAST('" + user.id() + "' AS uuid)";
        String tasks = "SELECT count(*) FROM scan.tasks WHERE user_id = CAST('" + user.id() + "' AS uuid)";
        assertThat(app.get().count(owned)).isEqualTo(2);
        assertThat(app.get().count(tasks)).isEqualTo(1);

        assertThat(app.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", user.auth())
                        .status())
                .isEqualTo(204);
        Await.until(() -> app.get().count(owned) == 0 && app.get().count(tasks) == 0);
    }
}
