package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** character.unlocked from the character worker: one character_unlocked activity in the feed, never two. */
class CharacterUnlockedIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(
            () -> MyTestApp.startWithRewardsRetries(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));

    @Test
    void anUnlockShowsOnceInTheFeedWithItsCodeNameAndTaskEvenWhenRedelivered() throws Exception {
        MyTestApp.User user = my.get().register();
        String task = UUID.randomUUID().toString();
        UUID event = UUID.randomUUID();
        Map<String, Object> data = unlocked(user.id(), task, "pet", "페티");
        my.get().publish(event, "character.unlocked", data);
        my.get().publish(event, "character.unlocked", data);
        UUID marker = UUID.randomUUID(); // applied after both copies: the queue is consumed in order
        my.get()
                .publish(
                        marker,
                        "character.unlocked",
                        unlocked(my.get().register().id(), null, "eco", "이코"));

        Await.until(() -> my.get().processed(marker));
        JsonNode items = my.get()
                .http
                .get("/api/v1/users/me/activities", user.auth())
                .json()
                .get("items");
        assertThat(items).hasSize(1);
        JsonNode activity = items.get(0);
        assertThat(activity.get("action").asText()).isEqualTo("character_unlocked");
        assertThat(activity.get("points_earned").asInt()).isZero();
        assertThat(activity.get("metadata").get("code").asText()).isEqualTo("pet");
        assertThat(activity.get("metadata").get("name").asText()).isEqualTo("페티");
        assertThat(activity.get("metadata").get("task_id").asText()).isEqualTo(task);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isZero();
    }

    @Test
    void anUnlockWithoutATaskKeepsANullTaskId() throws Exception {
        MyTestApp.User user = my.get().register();
        UUID event = UUID.randomUUID();
        my.get().publish(event, "character.unlocked", unlocked(user.id(), null, "glass", "글래시"));

        Await.until(() -> my.get().processed(event));
        JsonNode metadata = my.get()
                .http
                .get("/api/v1/users/me/activities", user.auth())
                .json()
                .get("items")
                .get(0)
                .get("metadata");
        assertThat(metadata.get("task_id").isNull()).isTrue();
        assertThat(metadata.get("name").asText()).isEqualTo("글래시");
    }

    @Test
    void aMalformedUnlockIsParkedAndTheNextOneStillApplies() throws Exception {
        MyTestApp.User user = my.get().register();
        UUID bad = UUID.randomUUID();
        my.get().publish(bad, "character.unlocked", unlocked(user.id(), "t-1", "pet", "페티"));
        UUID good = UUID.randomUUID();
        my.get().publish(good, "character.unlocked", unlocked(user.id(), null, "pet", "페티"));

        Await.until(() -> my.get().processed(good));
        GetResponse[] parked = new GetResponse[1];
        Await.until(() -> {
            try {
                GetResponse next = my.get().takeRewardsDeadLetter();
                if (next != null && new String(next.getBody(), StandardCharsets.UTF_8).contains(bad.toString()))
                    parked[0] = next;
                return parked[0] != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(parked[0].getProps().getHeaders().get("x-eco2-error").toString())
                .contains("character.unlocked: task_id is not a UUID");
        assertThat(my.get().processed(bad)).isFalse();
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me/activities", user.auth())
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    private static Map<String, Object> unlocked(String userId, String taskId, String code, String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("user_id", userId);
        data.put("task_id", taskId);
        data.put("code", code);
        data.put("name", name);
        return data;
    }
}
