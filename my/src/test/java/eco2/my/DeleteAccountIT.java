package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DELETE /me: the profile is soft-deleted, user.deleted flows to auth, and the account can no longer sign in. */
class DeleteAccountIT {
    static MyTestApp my;

    @BeforeAll
    static void start() throws Exception {
        my = MyTestApp.start();
    }

    @AfterAll
    static void stop() {
        my.close();
    }

    @Test
    void deletingTheProfileDeactivatesTheAccount() throws Exception {
        MyTestApp.User user = my.register();
        assertThat(my.http.get("/api/v1/users/me", user.auth()).status()).isEqualTo(200);
        TestHttp.Response login = my.http.postJson(
                "/api/v1/auth/login", TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        String refresh = login.json().get("refresh_token").asText();

        assertThat(my.http.method("DELETE", "/api/v1/users/me", user.auth()).status())
                .isEqualTo(204);

        boolean softDeleted = my.db.withHandle(h -> h.createQuery(
                        "SELECT deleted_at IS NOT NULL FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                .bind("id", user.id())
                .mapTo(Boolean.class)
                .one());
        assertThat(softDeleted).isTrue();
        Await.until(() ->
                !my.db.withHandle(h -> h.createQuery("SELECT is_active FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Boolean.class)
                        .one()));

        TestHttp.Response again = my.http.postJson(
                "/api/v1/auth/login", TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        assertThat(again.status()).isEqualTo(401);
        assertThat(my.http.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(401);
        assertThat(my.http
                        .postJson("/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", refresh)))
                        .status())
                .isEqualTo(401);
        // Auth marked the user's access tokens revoked with the deactivation: every service refuses them now.
        assertThat(my.http.get("/api/v1/users/me", user.auth()).status()).isEqualTo(401);
        assertThat(my.http.method("DELETE", "/api/v1/users/me", user.auth()).status())
                .isEqualTo(401);
        assertThat(my.http
                        .method("POST", "/api/v1/users/me/check-in", user.auth())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deletingBeforeTheRegistrationEventArrivedStillDeactivatesTheAccount() throws Exception {
        MyTestApp.User user = my.register();
        // Whether or not the profile exists yet, the delete must reach auth.
        my.db.useHandle(h -> h.execute("DELETE FROM users.profiles WHERE user_id = CAST(? AS uuid)", user.id()));
        assertThat(my.http.method("DELETE", "/api/v1/users/me", user.auth()).status())
                .isEqualTo(204);
        Await.until(() ->
                !my.db.withHandle(h -> h.createQuery("SELECT is_active FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Boolean.class)
                        .one()));
    }

    @Test
    void deleteNeedsAToken() {
        assertThat(my.http.method("DELETE", "/api/v1/users/me").status()).isEqualTo(401);
    }
}
