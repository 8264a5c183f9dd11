package eco2.location.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestEvents;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user.deleted (published by my) purges that user's saved places, once per event id, and nobody else's; a malformed
 * one is parked at once and purges nothing.
 */
class UserDeletedIT {
    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    @Test
    void theDeletedUsersPlacesArePurgedAndOthersKept() throws Exception {
        LocationTestApp.User leaving = location.get().register();
        LocationTestApp.User staying = location.get().register();
        for (LocationTestApp.User user : new LocationTestApp.User[] {leaving, staying}) {
            for (int i = 0; i < 3; i++) {
                assertThat(location.get()
                                .http
                                .postJson(
                                        "/api/v1/locations/me",
                                        TestHttp.json(SavedPlacesIT.place("p" + i, null, 37.5, 127.0, null)),
                                        user.auth())
                                .status())
                        .isEqualTo(201);
            }
        }
        UUID eventId = UUID.randomUUID();
        publishDeleted(eventId, leaving.id());
        publishDeleted(eventId, leaving.id()); // a redelivery

        Await.until(() -> places(leaving.id()) == 0 && processed(eventId));
        assertThat(places(staying.id())).isEqualTo(3);
        long rows = location.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM locations.processed_events WHERE event_id = :id")
                        .bind("id", eventId)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aUserWithoutPlacesIsFine() throws Exception {
        UUID eventId = UUID.randomUUID();
        publishDeleted(eventId, UUID.randomUUID().toString());
        Await.until(() -> processed(eventId));
    }

    @Test
    void aUserIdThatIsNotAUuidIsParkedAtOnceAndChangesNothing() throws Exception {
        LocationTestApp.User user = location.get().register();
        assertThat(location.get()
                        .http
                        .postJson(
                                "/api/v1/locations/me",
                                TestHttp.json(SavedPlacesIT.place("home", null, 37.5, 127.0, null)),
                                user.auth())
                        .status())
                .isEqualTo(201);
        UUID eventId = UUID.randomUUID();
        // UUID.fromString would read this short form as 00000001-0001-0001-0001-000000000001.
        publishDeleted(eventId, "1-1-1-1-1");

        GetResponse parked = TestEvents.awaitDeadLetter(location.get().config.userDeletedQueue(), eventId);
        assertThat(TestEvents.error(parked)).contains("user.deleted: user_id is not a UUID");
        assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
        assertThat(processed(eventId)).isFalse();
        assertThat(places(user.id())).isEqualTo(1);
    }

    private static long places(String userId) {
        return location.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM locations.user_locations WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean processed(UUID eventId) {
        return location.get()
                        .db
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM locations.processed_events WHERE event_id = :id")
                                .bind("id", eventId)
                                .mapTo(Long.class)
                                .one())
                == 1;
    }

    /** The envelope my's outbox publishes: {id, type, occurred_at, source, data:{user_id}}. */
    private static void publishDeleted(UUID eventId, String userId) throws Exception {
        try (Connection c = TestServices.get().amqpConnection("location-test");
                Channel ch = c.createChannel()) {
            String body = TestHttp.json(Map.of(
                    "id",
                    eventId.toString(),
                    "type",
                    "user.deleted",
                    "occurred_at",
                    Instant.now().toString(),
                    "source",
                    "my",
                    "data",
                    Map.of("user_id", userId)));
            ch.basicPublish(
                    location.get().exchange(),
                    "user.deleted",
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
