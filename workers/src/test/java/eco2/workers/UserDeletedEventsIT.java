package eco2.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestEvents;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user.deleted reaches workers on three queues (scan tasks, character ownerships, chat sessions). The user's
 * characters go and nobody else's; an event whose user_id is not a canonical UUID is parked at once on every queue
 * and changes nothing.
 */
class UserDeletedEventsIT {
    // No mail is sent here: the SMTP port is one nothing listens on.
    @RegisterExtension
    static final RunningApp<WorkersTestApp> workers = RunningApp.of(() ->
            WorkersTestApp.start(TestSmtp.settings(9), List.of(), Files.createTempDirectory("eco2-mailbox-unused")));

    @Test
    void theDeletedUsersCharactersGoAndOthersStay() throws Exception {
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        for (UUID user : List.of(leaving, staying))
            TestEvents.publish(
                    workers.get().amqp.exchange(),
                    UUID.randomUUID(),
                    "user.registered",
                    Map.of("user_id", user.toString()));
        Await.until(() -> ownerships(leaving) > 0 && ownerships(staying) > 0);
        long kept = ownerships(staying);

        UUID event = UUID.randomUUID();
        TestEvents.publish(workers.get().amqp.exchange(), event, "user.deleted", Map.of("user_id", leaving.toString()));

        Await.until(() -> processed("character", event) && processed("scan", event) && processed("chat", event));
        assertThat(ownerships(leaving)).isZero();
        assertThat(ownerships(staying)).isEqualTo(kept);
    }

    @Test
    void aUserIdThatIsNotAUuidIsParkedAtOnceOnEveryQueue() throws Exception {
        UUID user = UUID.randomUUID();
        TestEvents.publish(
                workers.get().amqp.exchange(),
                UUID.randomUUID(),
                "user.registered",
                Map.of("user_id", user.toString()));
        Await.until(() -> ownerships(user) > 0);
        long owned = ownerships(user);
        UUID event = UUID.randomUUID();

        TestEvents.publish(
                workers.get().amqp.exchange(),
                event,
                "user.deleted",
                Map.of("user_id", user.toString().replace("-", "")));

        for (String queue : workers.get().userEventQueues()) {
            GetResponse parked = TestEvents.awaitDeadLetter(queue, event);
            assertThat(TestEvents.error(parked)).as(queue).contains("user.deleted: user_id is not a UUID");
            assertThat(parked.getProps().getHeaders().get("x-eco2-attempts"))
                    .as(queue)
                    .isEqualTo(1);
        }
        for (String schema : List.of("scan", "character", "chat"))
            assertThat(processed(schema, event)).as(schema).isFalse();
        assertThat(ownerships(user)).isEqualTo(owned);
    }

    private static long ownerships(UUID user) {
        return workers.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM character.ownerships WHERE user_id = :id")
                        .bind("id", user)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean processed(String schema, UUID event) {
        return workers.get()
                        .db
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM " + schema + ".processed_events WHERE event_id = :id")
                                .bind("id", event)
                                .mapTo(Long.class)
                                .one())
                == 1;
    }
}
