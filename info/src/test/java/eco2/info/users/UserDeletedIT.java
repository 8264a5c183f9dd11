package eco2.info.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestEvents;
import eco2.info.InfoTestApp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user.deleted (published by my): info drops that user's search history and FAQ votes, once per event id, and
 * nobody else's; the anonymous totals stay. A malformed event is parked at once and changes nothing.
 */
class UserDeletedIT {
    private static final String SEARCH = "/api/v1/recycle/items/search";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    static String faq;

    @BeforeAll
    static void start() throws Exception {
        faq = info.get()
                .db
                .withHandle(h -> h.createQuery("SELECT id::text FROM recycle_info.faqs ORDER BY slug LIMIT 1")
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void theDeletedUsersHistoryAndVotesGoAndOthersStay() throws Exception {
        InfoTestApp.User leaving = info.get().register();
        InfoTestApp.User staying = info.get().register();
        for (InfoTestApp.User user : new InfoTestApp.User[] {leaving, staying}) {
            search(user, "battery");
            search(user, "페트병");
            assertThat(info.get()
                            .http
                            .postJson("/api/v1/recycle/faq/" + faq + "/helpful", "", user.auth())
                            .status())
                    .isEqualTo(200);
        }
        Await.until(() -> queries(leaving) == 2 && queries(staying) == 2);
        long helpful = helpfulCount();
        long counted = info.get().count("SELECT coalesce(sum(count), 0) FROM recycle_info.search_counts");
        search(leaving, "one more, maybe still in memory");

        UUID event = UUID.randomUUID();
        TestEvents.publish(info.get().amqp.exchange(), event, "user.deleted", Map.of("user_id", leaving.id()));
        TestEvents.publish(info.get().amqp.exchange(), event, "user.deleted", Map.of("user_id", leaving.id()));
        Await.until(() -> processed(event));

        assertThat(queries(leaving)).isZero();
        assertThat(votes(leaving)).isZero();
        assertThat(queries(staying)).isEqualTo(2);
        assertThat(votes(staying)).isEqualTo(1);
        assertThat(helpfulCount()).as("an anonymous total").isEqualTo(helpful);
        assertThat(info.get().count("SELECT coalesce(sum(count), 0) FROM recycle_info.search_counts"))
                .as("anonymous daily counts")
                .isEqualTo(counted + 1);
        assertThat(info.get()
                        .count("SELECT count(*) FROM recycle_info.processed_events WHERE event_id = '" + event + "'"))
                .isEqualTo(1);
    }

    @Test
    void aUserIdThatIsNotAUuidIsParkedAtOnceAndChangesNothing() throws Exception {
        InfoTestApp.User user = info.get().register();
        search(user, "glass");
        Await.until(() -> queries(user) == 1);
        UUID event = UUID.randomUUID();

        TestEvents.publish(info.get().amqp.exchange(), event, "user.deleted", Map.of("user_id", "../../etc/passwd"));

        GetResponse parked = TestEvents.awaitDeadLetter(info.get().config.userDeletedQueue(), event);
        assertThat(TestEvents.error(parked)).contains("user.deleted: user_id is not a UUID");
        assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
        assertThat(processed(event)).isFalse();
        assertThat(queries(user)).isEqualTo(1);
    }

    private static void search(InfoTestApp.User user, String query) {
        assertThat(info.get()
                        .http
                        .postJson(SEARCH, "{\"query\":\"" + query + "\"}", user.auth())
                        .status())
                .isEqualTo(200);
    }

    private static long queries(InfoTestApp.User user) {
        return info.get().count("SELECT count(*) FROM recycle_info.user_queries WHERE user_id = '" + user.id() + "'");
    }

    private static long votes(InfoTestApp.User user) {
        return info.get().count("SELECT count(*) FROM recycle_info.faq_helpful WHERE user_id = '" + user.id() + "'");
    }

    private static long helpfulCount() {
        return info.get().count("SELECT helpful_count FROM recycle_info.faqs WHERE id = '" + faq + "'");
    }

    private static boolean processed(UUID event) {
        return info.get().count("SELECT count(*) FROM recycle_info.processed_events WHERE event_id = '" + event + "'")
                == 1;
    }
}
