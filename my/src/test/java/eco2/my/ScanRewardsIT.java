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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scan.completed from the workers: 10 points only when {@code paying}, yet always one scan activity and one more
 * total_scans; a redelivery changes nothing, and a malformed event is parked without holding up the queue.
 */
class ScanRewardsIT {
    // Short retries: a malformed event reaches the dead-letter queue within the test's patience.
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(
            () -> MyTestApp.startWithRewardsRetries(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));

    @Test
    void aPayingScanPaysTenAndRecordsOneScanActivityWithItsTaskItemAndCategory() throws Exception {
        MyTestApp.User user = my.get().register();
        String task = UUID.randomUUID().toString();
        String item = UUID.randomUUID().toString();
        UUID event = UUID.randomUUID();
        my.get().publish(event, "scan.completed", scan(user.id(), task, item, "plastic", true));

        Await.until(() -> my.get().processed(event));
        JsonNode me = my.get().http.get("/api/v1/users/me", user.auth()).json();
        assertThat(me.get("points").asLong()).isEqualTo(10);
        assertThat(me.get("total_scans").asInt()).isEqualTo(1);
        JsonNode items = activities(user);
        assertThat(items).hasSize(1);
        JsonNode activity = items.get(0);
        assertThat(activity.get("action").asText()).isEqualTo("scan");
        assertThat(activity.get("points_earned").asInt()).isEqualTo(10);
        assertThat(activity.get("metadata").get("task_id").asText()).isEqualTo(task);
        assertThat(activity.get("metadata").get("item_id").asText()).isEqualTo(item);
        assertThat(activity.get("metadata").get("category").asText()).isEqualTo("plastic");
        assertThat(ledgerRows(user.id())).isEqualTo(1);
    }

    @Test
    void aScanThatDoesNotPayStillCountsAndShowsInTheFeedWithZeroPoints() throws Exception {
        MyTestApp.User user = my.get().register();
        String task = UUID.randomUUID().toString();
        UUID event = UUID.randomUUID();
        my.get().publish(event, "scan.completed", scan(user.id(), task, null, null, false));

        Await.until(() -> my.get().processed(event));
        JsonNode me = my.get().http.get("/api/v1/users/me", user.auth()).json();
        assertThat(me.get("points").asLong()).isZero();
        assertThat(me.get("total_scans").asInt()).isEqualTo(1);
        JsonNode items = activities(user);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("action").asText()).isEqualTo("scan");
        assertThat(items.get(0).get("points_earned").asInt()).isZero();
        JsonNode metadata = items.get(0).get("metadata");
        assertThat(metadata.get("task_id").asText()).isEqualTo(task);
        assertThat(metadata.get("item_id").isNull()).isTrue();
        assertThat(metadata.get("category").isNull()).isTrue();
        assertThat(ledgerRows(user.id())).isZero();
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me/points", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isZero();
    }

    @Test
    void aRedeliveredScanEventHasNoSecondEffectPayingOrNot() throws Exception {
        MyTestApp.User user = my.get().register();
        UUID paying = UUID.randomUUID();
        Map<String, Object> payingData = scan(user.id(), UUID.randomUUID().toString(), null, "glass", true);
        UUID free = UUID.randomUUID();
        Map<String, Object> freeData = scan(user.id(), UUID.randomUUID().toString(), null, "glass", false);
        my.get().publish(paying, "scan.completed", payingData);
        my.get().publish(free, "scan.completed", freeData);
        my.get().publish(paying, "scan.completed", payingData);
        my.get().publish(free, "scan.completed", freeData);
        // One consumer applies the queue in order: once this later event is in, both copies were handled.
        UUID marker = UUID.randomUUID();
        my.get()
                .publish(
                        marker,
                        "scan.completed",
                        scan(my.get().register().id(), UUID.randomUUID().toString(), null, null, false));

        Await.until(() -> my.get().processed(marker));
        JsonNode me = my.get().http.get("/api/v1/users/me", user.auth()).json();
        assertThat(me.get("points").asLong()).isEqualTo(10);
        assertThat(me.get("total_scans").asInt()).isEqualTo(2);
        assertThat(activities(user)).hasSize(2);
        assertThat(ledgerRows(user.id())).isEqualTo(1);
    }

    @Test
    void aDeletedProfileGetsNeitherPointsNorAScanActivity() throws Exception {
        MyTestApp.User user = my.get().register();
        my.get().http.get("/api/v1/users/me", user.auth());
        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", user.auth())
                        .status())
                .isEqualTo(204);
        UUID event = UUID.randomUUID();
        my.get()
                .publish(
                        event,
                        "scan.completed",
                        scan(user.id(), UUID.randomUUID().toString(), null, null, true));

        Await.until(() -> my.get().processed(event));
        Map<String, Object> profile = my.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT points, total_scans FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapToMap()
                        .one());
        assertThat(profile).containsEntry("points", 0L).containsEntry("total_scans", 0);
        assertThat(activityRows(user.id())).isZero();
    }

    static Stream<Arguments> malformedScans() {
        return Stream.of(
                Arguments.of("user_id", "not-a-uuid", "user_id is not a UUID"),
                Arguments.of("user_id", null, "user_id is missing"),
                Arguments.of("task_id", "t-1", "task_id is not a UUID"),
                Arguments.of("task_id", "1-1-1-1-1", "task_id is not a UUID"),
                Arguments.of("item_id", 42, "item_id is not a string"),
                Arguments.of("paying", null, "paying is missing"),
                Arguments.of("paying", "true", "paying is not a boolean"),
                Arguments.of("category", true, "category is not a string"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformedScans")
    void aMalformedScanPaysNothingIsParkedAndTheNextEventStillApplies(String field, Object value, String error)
            throws Exception {
        MyTestApp.User user = my.get().register();
        Map<String, Object> bad = scan(user.id(), UUID.randomUUID().toString(), null, "paper", true);
        if (value == null) bad.remove(field);
        else bad.put(field, value);
        UUID badEvent = UUID.randomUUID();
        my.get().publish(badEvent, "scan.completed", bad);
        UUID good = UUID.randomUUID();
        my.get()
                .publish(
                        good,
                        "scan.completed",
                        scan(user.id(), UUID.randomUUID().toString(), null, "paper", true));

        Await.until(() -> my.get().processed(good));
        GetResponse parked = deadLetterOf(badEvent);
        assertThat(parked.getProps().getHeaders().get("x-eco2-error").toString())
                .contains("scan.completed: " + error);
        assertThat(my.get().processed(badEvent)).isFalse();
        JsonNode me = my.get().http.get("/api/v1/users/me", user.auth()).json();
        assertThat(me.get("points").asLong()).isEqualTo(10);
        assertThat(me.get("total_scans").asInt()).isEqualTo(1);
        assertThat(activities(user)).hasSize(1);
    }

    /** A mutable scan.completed data object (HashMap: the malformed cases remove fields and use nulls). */
    static Map<String, Object> scan(String userId, String taskId, String itemId, String category, boolean paying) {
        Map<String, Object> data = new HashMap<>();
        data.put("user_id", userId);
        data.put("task_id", taskId);
        data.put("item_id", itemId);
        data.put("category", category);
        data.put("paying", paying);
        return data;
    }

    private static GetResponse deadLetterOf(UUID eventId) throws Exception {
        AtomicReference<GetResponse> found = new AtomicReference<>();
        Await.until(() -> {
            try {
                GetResponse next = my.get().takeRewardsDeadLetter();
                if (next != null && new String(next.getBody(), StandardCharsets.UTF_8).contains(eventId.toString()))
                    found.set(next);
                return found.get() != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return found.get();
    }

    private static JsonNode activities(MyTestApp.User user) {
        return my.get()
                .http
                .get("/api/v1/users/me/activities", user.auth())
                .json()
                .get("items");
    }

    private static long ledgerRows(String id) {
        return my.get()
                .db
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM users.points_ledger WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", id)
                                .mapTo(Long.class)
                                .one());
    }

    private static long activityRows(String id) {
        return my.get()
                .db
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM users.activities WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", id)
                                .mapTo(Long.class)
                                .one());
    }
}
