package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scans and chat with API keys: a key's scan runs like anyone's but pays nothing and unlocks nothing, belongs to the
 * key (not to its owner's bearer token), photos and chat need a pro key (403 for free), and a pro key chats.
 */
class ScanWithKeyIT {
    @RegisterExtension
    static final RunningApp<ScanTestApp> app = RunningApp.of(ScanTestApp::start);

    private static String key(ScanTestApp.User user, String tier) {
        if (!tier.equals("free")) {
            app.get()
                    .db
                    .useHandle(h -> h.createUpdate("UPDATE auth.users SET api_key_entitlement = :tier "
                                    + "WHERE id = CAST(:id AS uuid)")
                            .bind("tier", tier)
                            .bind("id", user.id())
                            .execute());
        }
        TestHttp.Response created = app.get()
                .http
                .postJson("/api/v1/auth/api-keys", TestHttp.json(Map.of("name", "kiosk", "tier", tier)), user.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    @Test
    void aScanWithAKeyPaysNothingAndUnlocksNothing() throws Exception {
        ScanTestApp.User user = app.get().register();
        String key = key(user, "free");

        TestHttp.Response accepted =
                app.get().http.postJson("/api/v1/scan", TestHttp.json(Map.of("text", "페트병")), "X-API-Key", key);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header("X-Quota-Remaining")).isNotNull();
        String taskId = accepted.json().get("task_id").asText();
        JsonNode[] last = new JsonNode[1];
        Await.until(() -> {
            TestHttp.Response task = app.get().http.get("/api/v1/scan/" + taskId, "X-API-Key", key);
            last[0] = task.json();
            return task.status() == 200 && last[0].get("status").asText().equals("done");
        });

        JsonNode result = last[0].get("result");
        assertThat(result.get("item").get("name").asText()).contains("페트병");
        assertThat(result.get("points_awarded").asInt()).isZero();
        assertThat(result.get("character_unlocked").isNull()).isTrue();
        assertThat(app.get()
                        .count("SELECT count(*) FROM scan.tasks WHERE id = CAST('" + taskId
                                + "' AS uuid) AND user_id IS NULL AND NOT paying"))
                .isEqualTo(1);
        assertThat(app.get().count("SELECT count(*) FROM character.ownerships WHERE code = 'pet'"))
                .isZero();
        assertThat(app.get().http.get("/api/v1/scan/" + taskId, user.auth()).status())
                .as("the key's task is not its owner's")
                .isEqualTo(404);
        assertThat(app.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asInt())
                .isZero();
    }

    @Test
    void photosAndChatNeedAProKey() throws Exception {
        ScanTestApp.User user = app.get().register();
        String free = key(user, "free");
        TestHttp.Response photo = app.get()
                .http
                .post(
                        "/api/v1/scan",
                        "multipart/form-data; boundary=XyZ",
                        ScanProviderIT.multipart("XyZ", ScanProviderIT.png(), "페트병"),
                        "X-API-Key",
                        free);
        String chat = TestHttp.json(Map.of("messages", List.of(Map.of("role", "user", "content", "페트병 어떻게 버려?"))));
        TestHttp.Response chatFree = app.get().http.postJson("/api/v1/chat/completions", chat, "X-API-Key", free);

        assertThat(photo.status()).as(photo.body()).isEqualTo(403);
        assertThat(chatFree.status()).as(chatFree.body()).isEqualTo(403);
        assertThat(chatFree.json().get("code").asText()).isEqualTo("forbidden");

        String pro = key(user, "pro");
        TestHttp.Response chatPro = app.get().http.postJson("/api/v1/chat/completions", chat, "X-API-Key", pro);
        assertThat(chatPro.status()).as(chatPro.body()).isEqualTo(200);
        assertThat(chatPro.json()
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .isNotBlank();
        JsonNode sessions =
                app.get().http.get("/api/v1/chat/sessions", "X-API-Key", pro).json();
        assertThat(sessions.get("items")).hasSize(1);
        assertThat(app.get()
                        .http
                        .get("/api/v1/chat/sessions", user.auth())
                        .json()
                        .get("items"))
                .as("the key's conversations are not its owner's")
                .isEmpty();
    }
}
