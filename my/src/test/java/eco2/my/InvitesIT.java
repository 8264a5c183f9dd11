package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.EventTap;
import eco2.common.testing.MailTokens;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invite farming: an invite pays only once the invitee has verified their email (auth's user.verified), and at
 * most ten invites pay one inviter a day.
 */
class InvitesIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void anInvitePaysWhenTheInviteeVerifiesTheirEmailThroughAuth() throws Exception {
        MyTestApp.User inviter = my.get().register();
        String name = "invitee_" + UUID.randomUUID().toString().substring(0, 6);
        String email = name + "@example.com";
        TestHttp.Response created = my.get()
                .authHttp
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(Map.of(
                                "email",
                                email,
                                "username",
                                name,
                                "password",
                                "password123",
                                "invite_code",
                                codeOf(inviter))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String invitee = created.json().get("id").asText();
        Await.until(() -> inviteRecorded(invitee));
        assertThat(points(inviter.id()))
                .as("an unverified invitee earns the inviter nothing")
                .isZero();

        String access = my.get()
                .authHttp
                .postJson("/api/v1/auth/login", TestHttp.json(Map.of("email", name, "password", "password123")))
                .json()
                .get("access_token")
                .asText();
        try (EventTap mails = EventTap.bind(my.get().amqp.exchange(), "notification.email")) {
            assertThat(my.get()
                            .authHttp
                            .postJson("/api/v1/auth/verify-email/request", "", "Authorization", TestHttp.bearer(access))
                            .status())
                    .isEqualTo(202);
            String token = MailTokens.open(
                    mails.next(e -> e.path("data").path("to").asText().equals(email))
                            .get("data"));
            assertThat(my.get()
                            .authHttp
                            .postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)))
                            .status())
                    .isEqualTo(200);
        }
        Await.until(() -> points(inviter.id()) == 100L);
        assertThat(points(invitee)).isZero();
    }

    @Test
    void atMostTenInvitesPayOneInviterADay() throws Exception {
        MyTestApp.User inviter = my.get().register();
        String code = codeOf(inviter);
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String invitee = UUID.randomUUID().toString();
            events.add(publish(
                    "user.registered", Map.of("user_id", invitee, "username", "farm_" + i, "invite_code", code)));
            events.add(publish("user.verified", Map.of("user_id", invitee)));
        }
        Await.until(() -> events.stream().allMatch(my.get()::processed));

        assertThat(points(inviter.id())).isEqualTo(10L * 100);
        Map<String, Object> outcomes = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FILTER (WHERE outcome = 'paid') AS paid, "
                                + "count(*) FILTER (WHERE outcome = 'daily_cap') AS capped "
                                + "FROM users.invites WHERE inviter_id = CAST(:id AS uuid)")
                        .bind("id", inviter.id())
                        .mapToMap()
                        .one());
        assertThat(outcomes).containsEntry("paid", 10L).containsEntry("capped", 1L);
    }

    @Test
    void aVerificationThatOvertakesTheRegistrationStillPaysOnce() throws Exception {
        MyTestApp.User inviter = my.get().register();
        String invitee = UUID.randomUUID().toString();
        UUID verified = publish("user.verified", Map.of("user_id", invitee));
        Await.until(() -> my.get().processed(verified));
        UUID registered = publish(
                "user.registered", Map.of("user_id", invitee, "username", "early", "invite_code", codeOf(inviter)));
        UUID again = publish("user.verified", Map.of("user_id", invitee));
        Await.until(() -> my.get().processed(registered) && my.get().processed(again));

        assertThat(points(inviter.id())).isEqualTo(100L);
    }

    private static String codeOf(MyTestApp.User user) {
        return my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("invite_code")
                .asText();
    }

    /** Publishes an event under a fresh id, as auth's outbox would, and returns the id. */
    private static UUID publish(String type, Map<String, Object> data) throws Exception {
        UUID id = UUID.randomUUID();
        my.get().publish(id, type, data);
        return id;
    }

    private static long points(String userId) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT points FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean inviteRecorded(String invitee) {
        return my.get()
                        .db
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM users.invites WHERE invitee_id = CAST(:id AS uuid)")
                                .bind("id", invitee)
                                .mapTo(Long.class)
                                .one())
                == 1;
    }
}
