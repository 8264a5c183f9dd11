package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registering writes user.registered to the outbox in the same transaction, and the relay publishes it. */
class RegistrationEventIT {
  static AuthTestApp auth;
  static Connection observer;
  static Channel channel;
  static String queue;

  @BeforeAll
  static void start() throws Exception {
    auth = AuthTestApp.start();
    observer = TestServices.get().amqpConnection("registration-event-test");
    channel = observer.createChannel();
    channel.exchangeDeclare(auth.config.amqp().exchange(), "topic", true);
    queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, auth.config.amqp().exchange(), "user.registered");
  }

  @AfterAll
  static void stop() throws Exception {
    observer.close();
    auth.close();
  }

  @Test
  void userRegisteredIsPublishedWithTheInviteCode() throws Exception {
    String name = TestUsers.uniqueName();
    TestHttp.Response created = auth.http.postJson("/api/v1/auth/register", TestHttp.json(Map.of(
        "email", name + "@example.com", "username", name, "password", "password123", "invite_code", "FRIEND42")));
    assertThat(created.status()).isEqualTo(201);
    String userId = created.json().get("id").asText();

    JsonNode event = awaitEventFor(userId);
    assertThat(event.get("type").asText()).isEqualTo("user.registered");
    assertThat(event.get("source").asText()).isEqualTo("auth");
    assertThat(event.get("data").get("username").asText()).isEqualTo(name);
    assertThat(event.get("data").get("email").asText()).isEqualTo(name + "@example.com");
    assertThat(event.get("data").get("invite_code").asText()).isEqualTo("FRIEND42");
    String published = auth.db.withHandle(h -> h.createQuery(
        "SELECT published_at::text FROM auth.outbox WHERE id = CAST(:id AS uuid)")
        .bind("id", event.get("id").asText()).mapTo(String.class).one());
    assertThat(published).isNotNull();
  }

  @Test
  void aRejectedRegistrationWritesNoEvent() {
    TestUsers.Session first = TestUsers.register(auth.http);
    long before = outboxRows();
    TestHttp.Response duplicate = auth.http.postJson("/api/v1/auth/register", TestHttp.json(Map.of(
        "email", TestUsers.uniqueName() + "@example.com", "username", first.username(), "password", "password123")));
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
    return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox").mapTo(Long.class).one());
  }

  private static JsonNode awaitEventFor(String userId) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      GetResponse message = channel.basicGet(queue, true);
      if (message == null) {
        Thread.sleep(20);
        continue;
      }
      JsonNode event = mapper.readTree(message.getBody());
      if (event.path("data").path("user_id").asText().equals(userId)) return event;
    }
    throw new AssertionError("no user.registered event for " + userId + " within 15 s");
  }
}
