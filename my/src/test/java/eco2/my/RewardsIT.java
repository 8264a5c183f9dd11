package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Points from events: scans, recycles and invites, each event paying at most once. */
class RewardsIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void aScanPaysTenAndARecycleFiftyAndAReplayPaysNothing() throws Exception {
        MyTestApp.User user = my.get().register();
        UUID scan = UUID.randomUUID();
        // scan.completed now names its task by UUID and says whether it pays (workers applies the scan rules).
        Map<String, Object> paying =
                Map.of("user_id", user.id(), "task_id", UUID.randomUUID().toString(), "paying", true);
        my.get().publish(scan, "scan.completed", paying);
        my.get().publish(scan, "scan.completed", paying);
        UUID recycle = UUID.randomUUID();
        my.get().publish(recycle, "recycle.completed", Map.of("user_id", user.id()));

        Await.until(() -> my.get().processed(recycle) && my.get().processed(scan));
        Map<String, Object> profile = profile(user.id());
        assertThat(profile.get("points")).isEqualTo(60L);
        assertThat(profile.get("total_scans")).isEqualTo(1);
        assertThat(profile.get("total_recycles")).isEqualTo(1);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/me", user.auth())
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(60);
        assertThat(ledgerRows(user.id())).isEqualTo(2);
    }

    @Test
    void anInviteCodePaysTheInviterOnceAndNeverTheNewUserOnceTheNewUserIsVerified() throws Exception {
        MyTestApp.User inviter = my.get().register();
        String code = my.get()
                .http
                .get("/api/v1/users/me", inviter.auth())
                .json()
                .get("invite_code")
                .asText();

        String name = "invitee_" + UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = my.get()
                .authHttp
                .postJson(
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
        Await.until(() -> my.get()
                        .db
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM users.invites WHERE invitee_id = CAST(:id AS uuid)")
                                .bind("id", invitee)
                                .mapTo(Long.class)
                                .one())
                == 1);
        assertThat(profile(inviter.id()).get("points"))
                .as("nothing before the invitee is verified")
                .isEqualTo(0L);

        UUID verified = UUID.randomUUID();
        my.get().publish(verified, "user.verified", Map.of("user_id", invitee));
        my.get().publish(verified, "user.verified", Map.of("user_id", invitee));
        Await.until(() -> profile(inviter.id()).get("points").equals(100L));
        Await.until(() -> my.get().processed(verified));
        assertThat(profile(invitee).get("points")).isEqualTo(0L);
        long inviteActivities = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.activities "
                                + "WHERE user_id = CAST(:id AS uuid) AND action = 'invite'")
                        .bind("id", inviter.id())
                        .mapTo(Long.class)
                        .one());
        assertThat(inviteActivities).isEqualTo(1);
    }

    @Test
    void aRewardThatOvertakesTheRegistrationStillEndsWithTheUsernameAsNickname() throws Exception {
        String userId = UUID.randomUUID().toString();
        UUID scan = UUID.randomUUID();
        my.get()
                .publish(
                        scan,
                        "scan.completed",
                        Map.of("user_id", userId, "task_id", UUID.randomUUID().toString(), "paying", true));
        Await.until(() -> my.get().processed(scan));
        UUID registered = UUID.randomUUID();
        my.get().publish(registered, "user.registered", Map.of("user_id", userId, "username", "late_comer"));
        Await.until(() -> my.get().processed(registered));

        String nickname = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT nickname FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(String.class)
                        .one());
        assertThat(nickname).isEqualTo("late_comer");
        assertThat(profile(userId).get("points")).isEqualTo(10L);
    }

    @Test
    void aSelfInvitePaysNothing() throws Exception {
        MyTestApp.User user = my.get().register();
        String code = my.get()
                .http
                .get("/api/v1/users/me", user.auth())
                .json()
                .get("invite_code")
                .asText();
        UUID event = UUID.randomUUID();
        my.get()
                .publish(
                        event,
                        "user.registered",
                        Map.of("user_id", user.id(), "username", user.username(), "invite_code", code));

        Await.until(() -> my.get().processed(event));
        assertThat(profile(user.id()).get("points")).isEqualTo(0L);
    }

    private static Map<String, Object> profile(String id) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT points, total_scans, total_recycles FROM users.profiles "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    }

    private static boolean profileExists(String id) {
        return my.get()
                        .db
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", id)
                                .mapTo(Long.class)
                                .one())
                == 1;
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
}
