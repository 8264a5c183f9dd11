package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.EventTap;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registering writes user.registered to the outbox in the same transaction, and the relay publishes it. */
class RegistrationEventIT {
    static AuthTestApp auth;
    static EventTap events;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start();
        events = EventTap.bind(auth.config.amqp().exchange(), "user.registered");
    }

    @AfterAll
    static void stop() throws Exception {
        events.close();
        auth.close();
    }

    @Test
    void userRegisteredIsPublishedWithTheInviteCode() throws Exception {
        String name = TestUsers.uniqueName();
        TestHttp.Response created = auth.http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of(
                        "email",
                        name + "@example.com",
                        "username",
                        name,
                        "password",
                        "password123",
                        "invite_code",
                        "FRIEND42")));
        assertThat(created.status()).isEqualTo(201);
        String userId = created.json().get("id").asText();

        JsonNode event =
                events.next(e -> e.path("data").path("user_id").asText().equals(userId));
        assertThat(event.get("type").asText()).isEqualTo("user.registered");
        assertThat(event.get("source").asText()).isEqualTo("auth");
        assertThat(event.get("data").get("username").asText()).isEqualTo(name);
        assertThat(event.get("data").get("email").asText()).isEqualTo(name + "@example.com");
        assertThat(event.get("data").get("invite_code").asText()).isEqualTo("FRIEND42");
        // The relay marks the row after the broker's confirm, which may come after the consumer saw the message.
        String eventId = event.get("id").asText();
        Await.until(() -> auth.db.withHandle(
                h -> h.createQuery("SELECT published_at IS NOT NULL FROM auth.outbox WHERE id = CAST(:id AS uuid)")
                        .bind("id", eventId)
                        .mapTo(Boolean.class)
                        .one()));
    }

    @Test
    void aRejectedRegistrationWritesNoEvent() {
        TestUsers.Session first = TestUsers.register(auth.http);
        long before = outboxRows();
        TestHttp.Response duplicate = auth.http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of(
                        "email",
                        TestUsers.uniqueName() + "@example.com",
                        "username",
                        first.username(),
                        "password",
                        "password123")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void readinessIncludesRabbitmq() {
        TestHttp.Response ready = auth.http.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks").get("rabbitmq").asText()).isEqualTo("ok");
    }

    private static long outboxRows() {
        return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox")
                .mapTo(Long.class)
                .one());
    }
}
