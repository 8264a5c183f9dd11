package eco2.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import eco2.auth.AuthTestApp;
import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestEvents;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user.deleted (published by my): auth keeps only what refuses the old credentials. The row stays under its id,
 * inactive, with no email, username, password hash, provider links, pending mail links or key names; the email and
 * username may be registered again. Other accounts keep everything; a malformed event is parked and changes nothing.
 */
class UserDeletedIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    @Test
    void theDeletedAccountIsAnonymisedAndOthersAreKept() throws Exception {
        TestUsers.Session leaving = TestUsers.register(auth.get().http);
        TestUsers.Session staying = TestUsers.register(auth.get().http);
        for (TestUsers.Session user : new TestUsers.Session[] {leaving, staying}) personalData(user);
        String keyPrefix = keyPrefixOf(leaving);

        UUID event = UUID.randomUUID();
        TestEvents.publish(auth.get().config.amqp().exchange(), event, "user.deleted", Map.of("user_id", leaving.id()));
        Await.until(() -> processed(event));

        Map<String, Object> row = userRow(leaving.id());
        assertThat(row)
                .containsEntry("email", null)
                .containsEntry("username", "deleted-" + leaving.id())
                .containsEntry("password_hash", null)
                .containsEntry("is_active", false);
        assertThat(count("social_accounts", leaving.id())).isZero();
        assertThat(count("one_time_tokens", leaving.id())).isZero();
        assertThat(count("email_case_clashes", leaving.id())).isZero();
        Map<String, Object> key = auth.get()
                .db
                .withHandle(
                        h -> h.createQuery("SELECT name, prefix, revoked_at IS NOT NULL AS revoked FROM auth.api_keys "
                                        + "WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", leaving.id())
                                .mapToMap()
                                .one());
        assertThat(key)
                .containsEntry("name", "deleted")
                .containsEntry("prefix", keyPrefix)
                .containsEntry("revoked", true);
        assertThat(TestUsers.login(auth.get().http, leaving.email(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(auth.get().http.get("/api/v1/auth/me", leaving.auth()).status())
                .isEqualTo(401);

        Map<String, Object> kept = userRow(staying.id());
        assertThat(kept.get("email")).isEqualTo(staying.email());
        assertThat(kept.get("username")).isEqualTo(staying.username());
        assertThat(kept.get("password_hash")).isNotNull();
        assertThat(count("social_accounts", staying.id())).isEqualTo(1);
        assertThat(count("one_time_tokens", staying.id())).isEqualTo(1);
        assertThat(count("email_case_clashes", staying.id())).isEqualTo(1);
        assertThat(auth.get().http.get("/api/v1/auth/api-keys", staying.auth()).body())
                .contains("project of " + staying.username());

        // The address and the name are free again: the same person may come back as a new account.
        TestHttp.Response again = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(Map.of(
                                "email",
                                leaving.email(),
                                "username",
                                leaving.username(),
                                "password",
                                TestUsers.PASSWORD)));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isNotEqualTo(leaving.id());
    }

    @Test
    void aUserIdThatIsNotAUuidIsParkedAtOnceAndChangesNothing() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        Map<String, Object> before = userRow(user.id());
        UUID event = UUID.randomUUID();

        TestEvents.publish(
                auth.get().config.amqp().exchange(),
                event,
                "user.deleted",
                Map.of("user_id", user.id() + "' OR '1'='1"));

        GetResponse parked = TestEvents.awaitDeadLetter(auth.get().config.userDeletedQueue(), event);
        assertThat(TestEvents.error(parked)).contains("user.deleted: user_id is not a UUID");
        assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
        assertThat(processed(event)).isFalse();
        assertThat(userRow(user.id())).isEqualTo(before);
        assertThat(auth.get().http.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(200);
    }

    /** A key, a pending verification link, a provider link and a V6 case-clash record: all personal. */
    private static void personalData(TestUsers.Session user) {
        TestHttp.Response key = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/api-keys",
                        TestHttp.json(Map.of("name", "project of " + user.username())),
                        user.auth());
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        assertThat(auth.get()
                        .http
                        .postJson("/api/v1/auth/verify-email/request", "", user.auth())
                        .status())
                .isEqualTo(202);
        // Provider links and clash records are made by sign-in flows and a migration, not by an endpoint.
        auth.get().db.useHandle(h -> {
            h.execute(
                    "INSERT INTO auth.social_accounts (provider, provider_user_id, user_id, email) "
                            + "VALUES ('kakao', ?, CAST(? AS uuid), ?)",
                    "kakao-" + user.id(),
                    user.id(),
                    user.email());
            h.execute(
                    "INSERT INTO auth.email_case_clashes (user_id, email_key, email, kept) "
                            + "VALUES (CAST(? AS uuid), lower(?), ?, true)",
                    user.id(),
                    user.email(),
                    user.email());
        });
    }

    private static String keyPrefixOf(TestUsers.Session user) {
        return auth.get()
                .db
                .withHandle(h -> h.createQuery("SELECT prefix FROM auth.api_keys WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(String.class)
                        .one());
    }

    private static Map<String, Object> userRow(String id) {
        return auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT email, username, password_hash, is_active, roles::text AS roles FROM "
                                        + "auth.users "
                                        + "WHERE id = CAST(:id AS uuid)")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    }

    private static long count(String table, String userId) {
        return auth.get()
                .db
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM auth." + table + " WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", userId)
                                .mapTo(Long.class)
                                .one());
    }

    private static boolean processed(UUID event) {
        return auth.get()
                        .db
                        .withHandle(
                                h -> h.createQuery("SELECT count(*) FROM auth.processed_events WHERE event_id = :id")
                                        .bind("id", event)
                                        .mapTo(Long.class)
                                        .one())
                == 1;
    }
}
