package eco2.location.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.TestEvents;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * user.deleted (published by my) purges that user's saved places, once per event id, and nobody else's; a malformed
 * one is parked at once and purges nothing.
 */
class UserDeletedIT {
    static LocationTestApp location;

    @BeforeAll
    static void start() throws Exception {
        location = LocationTestApp.start();
    }

    @AfterAll
    static void stop() {
        location.close();
    }

    @Test
    void theDeletedUsersPlacesArePurgedAndOthersKept() throws Exception {
        LocationTestApp.User leaving = location.register();
        LocationTestApp.User staying = location.register();
        for (LocationTestApp.User user : new LocationTestApp.User[] {leaving, staying}) {
            for (int i = 0; i < 3; i++) {
                assertThat(location.http
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
        long rows = location.db.withHandle(
                h -> h.createQuery("SELECT count(*) FROM locations.processed_events WHERE event_id = :id")
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
        LocationTestApp.User user = location.register();
        assertThat(location.http
                        .postJson(
                                "/api/v1/locations/me",
                                TestHttp.json(SavedPlacesIT.place("home", null, 37.5, 127.0, null)),
                                user.auth())
                        .status())
                .isEqualTo(201);
        UUID eventId = UUID.randomUUID();
        // UUID.fromString would read this short form as 00000001-0001-0001-0001-000000000001.
        publishDeleted(eventId, "1-1-1-1-1");

        GetResponse parked = TestEvents.awaitDeadLetter(location.config.userDeletedQueue(), eventId);
        assertThat(TestEvents.error(parked)).contains("user.deleted: user_id is not a UUID");
        assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
        assertThat(processed(eventId)).isFalse();
        assertThat(places(user.id())).isEqualTo(1);
    }

    private static long places(String userId) {
        return location.db.withHandle(
                h -> h.createQuery("SELECT count(*) FROM locations.user_locations WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean processed(UUID eventId) {
        return location.db.withHandle(
                        h -> h.createQuery("SELECT count(*) FROM locations.processed_events WHERE event_id = :id")
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
                    location.exchange(),
                    "user.deleted",
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
