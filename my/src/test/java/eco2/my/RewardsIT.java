package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Points from events: scans, recycles and invites, each event paying at most once. */
class RewardsIT {
    static MyTestApp my;
    static Connection connection;
    static Channel channel;

    @BeforeAll
    static void start() throws Exception {
        my = MyTestApp.start();
        connection = TestServices.get().amqpConnection("rewards-test");
        channel = connection.createChannel();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        my.close();
    }

    @Test
    void aScanPaysTenAndARecycleFiftyAndAReplayPaysNothing() throws Exception {
        MyTestApp.User user = my.register();
        UUID scan = UUID.randomUUID();
        // scan.completed now names its task by UUID and says whether it pays (workers applies the scan rules).
        Map<String, Object> paying =
                Map.of("user_id", user.id(), "task_id", UUID.randomUUID().toString(), "paying", true);
        publish(scan, "scan.completed", paying);
        publish(scan, "scan.completed", paying);
        UUID recycle = UUID.randomUUID();
        publish(recycle, "recycle.completed", Map.of("user_id", user.id()));

        Await.until(() -> processed(recycle) && processed(scan));
        Map<String, Object> profile = profile(user.id());
        assertThat(profile.get("points")).isEqualTo(60L);
        assertThat(profile.get("total_scans")).isEqualTo(1);
        assertThat(profile.get("total_recycles")).isEqualTo(1);
        assertThat(my.http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(60);
        assertThat(ledgerRows(user.id())).isEqualTo(2);
    }

    @Test
    void anInviteCodePaysTheInviterOnceAndNeverTheNewUserOnceTheNewUserIsVerified() throws Exception {
        MyTestApp.User inviter = my.register();
        String code = my.http
                .get("/api/v1/users/me", inviter.auth())
                .json()
                .get("invite_code")
                .asText();

        String name = "invitee_" + UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = my.http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of(
                        "email",
                        name + "@example.com",
                        "username",
                        name,
                        "password",
                        "password123",
                        "invite_code",
                        code.toLowerCase())));
        assertThat(created.status()).isEqualTo(201);
        String invitee = created.json().get("id").asText();
        Await.until(() -> profileExists(invitee));
        Await.until(() -> my.db.withHandle(
                        h -> h.createQuery("SELECT count(*) FROM users.invites WHERE invitee_id = CAST(:id AS uuid)")
                                .bind("id", invitee)
                                .mapTo(Long.class)
                                .one())
                == 1);
        assertThat(profile(inviter.id()).get("points"))
                .as("nothing before the invitee is verified")
                .isEqualTo(0L);

        UUID verified = UUID.randomUUID();
        publish(verified, "user.verified", Map.of("user_id", invitee));
        publish(verified, "user.verified", Map.of("user_id", invitee));
        Await.until(() -> profile(inviter.id()).get("points").equals(100L));
        Await.until(() -> processed(verified));
        assertThat(profile(invitee).get("points")).isEqualTo(0L);
        long inviteActivities = my.db.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM users.activities WHERE user_id = CAST(:id AS uuid) AND action = 'invite'")
                .bind("id", inviter.id())
                .mapTo(Long.class)
                .one());
        assertThat(inviteActivities).isEqualTo(1);
    }

    @Test
    void aRewardThatOvertakesTheRegistrationStillEndsWithTheUsernameAsNickname() throws Exception {
        String userId = UUID.randomUUID().toString();
        UUID scan = UUID.randomUUID();
        publish(
                scan,
                "scan.completed",
                Map.of("user_id", userId, "task_id", UUID.randomUUID().toString(), "paying", true));
        Await.until(() -> processed(scan));
        UUID registered = UUID.randomUUID();
        publish(registered, "user.registered", Map.of("user_id", userId, "username", "late_comer"));
        Await.until(() -> processed(registered));

        String nickname = my.db.withHandle(
                h -> h.createQuery("SELECT nickname FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(String.class)
                        .one());
        assertThat(nickname).isEqualTo("late_comer");
        assertThat(profile(userId).get("points")).isEqualTo(10L);
    }

    @Test
    void aSelfInvitePaysNothing() throws Exception {
        MyTestApp.User user = my.register();
        String code = my.http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("invite_code")
                .asText();
        UUID event = UUID.randomUUID();
        publish(
                event,
                "user.registered",
                Map.of("user_id", user.id(), "username", user.username(), "invite_code", code));

        Await.until(() -> processed(event));
        assertThat(profile(user.id()).get("points")).isEqualTo(0L);
    }

    private static void publish(UUID id, String type, Map<String, Object> data) throws Exception {
        String body = TestHttp.json(Map.of(
                "id",
                id.toString(),
                "type",
                type,
                "occurred_at",
                Instant.now().toString(),
                "source",
                "test",
                "data",
                data));
        channel.basicPublish(
                my.amqp.exchange(),
                type,
                new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> profile(String id) {
        return my.db.withHandle(h -> h.createQuery(
                        "SELECT points, total_scans, total_recycles FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                .bind("id", id)
                .mapToMap()
                .one());
    }

    private static boolean profileExists(String id) {
        return my.db.withHandle(
                        h -> h.createQuery("SELECT count(*) FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", id)
                                .mapTo(Long.class)
                                .one())
                == 1;
    }

    private static long ledgerRows(String id) {
        return my.db.withHandle(
                h -> h.createQuery("SELECT count(*) FROM users.points_ledger WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    private static boolean processed(UUID eventId) {
        return my.db.withHandle(h -> h.createQuery("SELECT count(*) FROM users.processed_events WHERE event_id = :id")
                        .bind("id", eventId)
                        .mapTo(Long.class)
                        .one())
                == 1;
    }
}
