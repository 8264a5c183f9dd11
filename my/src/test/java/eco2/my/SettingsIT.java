package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Preferences: defaults, partial changes, and every bad value refused without a write. */
class SettingsIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void defaultsThenPartialChangesThatKeepTheRest() {
        MyTestApp.User user = my.get().register();
        TestHttp.Response defaults = my.get().http.get("/api/v1/users/me/settings", user.auth());
        assertThat(defaults.body())
                .isEqualTo("{\"notification_enabled\":true,\"language\":\"ko\",\"theme\":\"system\"}");

        assertThat(patch(user, "{\"theme\":\"dark\"}").body())
                .isEqualTo("{\"notification_enabled\":true,\"language\":\"ko\",\"theme\":\"dark\"}");
        assertThat(patch(user, "{\"language\":\"en\",\"notification_enabled\":false}")
                        .body())
                .isEqualTo("{\"notification_enabled\":false,\"language\":\"en\",\"theme\":\"dark\"}");
        assertThat(my.get().http.get("/api/v1/users/me/settings", user.auth()).body())
                .isEqualTo("{\"notification_enabled\":false,\"language\":\"en\",\"theme\":\"dark\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"theme\":\"pink\"}|theme",
                "{\"language\":\"jp\"}|language",
                "{\"language\":\"KO\"}|language",
                "{\"notification_enabled\":\"yes\"}|notification_enabled",
                "{\"notification_enabled\":1}|notification_enabled",
                "{}|notification_enabled",
                "{\"font\":\"big\"}|font"
            })
    void badValuesAre422AndWriteNothing(String caseLine) {
        MyTestApp.User user = my.get().register();
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = patch(user, parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[1]);
        long rows = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.settings WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void settingsNeedAToken() {
        assertThat(my.get().http.get("/api/v1/users/me/settings").status()).isEqualTo(401);
    }

    private static TestHttp.Response patch(MyTestApp.User user, String body) {
        return my.get()
                .http
                .send(
                        "PATCH",
                        "/api/v1/users/me/settings",
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        user.auth());
    }
}
