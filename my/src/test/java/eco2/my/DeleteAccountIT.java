package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DELETE /me: the profile is soft-deleted with its personal content erased (ASVS 8.3.2), user.deleted flows to auth,
 * and the account can no longer sign in.
 */
class DeleteAccountIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void deletingTheProfileDeactivatesTheAccount() throws Exception {
        MyTestApp.User user = my.get().register();
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).status()).isEqualTo(200);
        TestHttp.Response login = my.get()
                .authHttp
                .postJson(
                        "/api/v1/auth/login",
                        TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        String refresh = login.json().get("refresh_token").asText();

        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", user.auth())
                        .status())
                .isEqualTo(204);

        boolean softDeleted = my.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT deleted_at IS NOT NULL FROM users.profiles WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Boolean.class)
                        .one());
        assertThat(softDeleted).isTrue();
        Await.until(() -> !my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT is_active FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Boolean.class)
                        .one()));

        TestHttp.Response again = my.get()
                .authHttp
                .postJson(
                        "/api/v1/auth/login",
                        TestHttp.json(Map.of("email", user.username(), "password", "password123")));
        assertThat(again.status()).isEqualTo(401);
        assertThat(my.get().authHttp.get("/api/v1/auth/me", user.auth()).status())
                .isEqualTo(401);
        assertThat(my.get()
                        .authHttp
                        .postJson("/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", refresh)))
                        .status())
                .isEqualTo(401);
        // Auth marked the user's access tokens revoked with the deactivation: every service refuses them now.
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).status()).isEqualTo(401);
        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", user.auth())
                        .status())
                .isEqualTo(401);
        assertThat(my.get()
                        .http
                        .method("POST", "/api/v1/users/me/check-in", user.auth())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deletingErasesTheProfilesContentActivitiesSettingsAndAvatarFilesButNoOneElses() throws Exception {
        MyTestApp.User leaving = my.get().register();
        MyTestApp.User staying = my.get().register();
        for (MyTestApp.User user : new MyTestApp.User[] {leaving, staying}) {
            assertThat(send("PATCH", "/api/v1/users/me", "{\"nickname\":\"민지\",\"bio\":\"서울 마포구 주민\"}", user))
                    .isEqualTo(200);
            assertThat(send("PATCH", "/api/v1/users/me/settings", "{\"theme\":\"dark\"}", user))
                    .isEqualTo(200);
            assertThat(my.get()
                            .http
                            .method("POST", "/api/v1/users/me/check-in", user.auth())
                            .status())
                    .isEqualTo(200);
            assertThat(Avatars.upload(my.get(), user, Avatars.image(300, 300, "png"))
                            .status())
                    .isEqualTo(202);
            Avatars.awaitShownOtherThan(my.get(), user, null);
            assertThat(Avatars.filesOf(my.get(), user)).hasSize(2);
        }

        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", leaving.auth())
                        .status())
                .isEqualTo(204);

        Map<String, Object> erased = profile(leaving);
        assertThat(erased)
                .containsEntry("nickname", "deleted user")
                .containsEntry("bio", "")
                .containsEntry("avatar_url", null)
                .containsEntry("avatar_file", null)
                .containsEntry("avatar_original", null)
                .containsEntry("avatar_status", null)
                .containsEntry("deleted", true);
        assertThat(rows("activities", leaving)).isZero();
        assertThat(rows("settings", leaving)).isZero();
        assertThat(my.get().avatarDir.resolve(leaving.id())).doesNotExist();

        assertThat(profile(staying))
                .containsEntry("nickname", "민지")
                .containsEntry("bio", "서울 마포구 주민")
                .containsEntry("deleted", false);
        assertThat(rows("activities", staying)).isEqualTo(1);
        assertThat(rows("settings", staying)).isEqualTo(1);
        assertThat(Avatars.filesOf(my.get(), staying)).hasSize(2);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/" + staying.id() + "/avatar")
                        .status())
                .isEqualTo(200);
        assertThat(my.get()
                        .http
                        .get("/api/v1/users/" + leaving.id() + "/avatar")
                        .status())
                .isEqualTo(404);
    }

    private static int send(String method, String path, String json, MyTestApp.User user) {
        return my.get()
                .http
                .send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), user.auth())
                .status();
    }

    private static Map<String, Object> profile(MyTestApp.User user) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT nickname, bio, avatar_url, avatar_file, avatar_original, "
                                + "avatar_status, deleted_at IS NOT NULL AS deleted FROM users.profiles "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapToMap()
                        .one());
    }

    private static long rows(String table, MyTestApp.User user) {
        return my.get()
                .db
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM users." + table + " WHERE user_id = CAST(:id AS uuid)")
                                .bind("id", user.id())
                                .mapTo(Long.class)
                                .one());
    }

    @Test
    void deletingBeforeTheRegistrationEventArrivedStillDeactivatesTheAccount() throws Exception {
        MyTestApp.User user = my.get().register();
        // Whether or not the profile exists yet, the delete must reach auth.
        my.get().db.useHandle(h -> h.execute("DELETE FROM users.profiles WHERE user_id = CAST(? AS uuid)", user.id()));
        assertThat(my.get()
                        .http
                        .method("DELETE", "/api/v1/users/me", user.auth())
                        .status())
                .isEqualTo(204);
        Await.until(() -> !my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT is_active FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Boolean.class)
                        .one()));
    }

    @Test
    void deleteNeedsAToken() {
        assertThat(my.get().http.method("DELETE", "/api/v1/users/me").status()).isEqualTo(401);
    }
}
