package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.account.RegisterRequest;
import eco2.auth.apikeys.CreateKeyRequest;
import eco2.auth.apikeys.RotateRequest;
import eco2.auth.mail.NewPasswordRequest;
import eco2.auth.mail.ResetRequest;
import eco2.auth.mail.TokenRequest;
import eco2.auth.oauth.OAuthCallbackRequest;
import eco2.auth.session.LoginRequest;
import eco2.auth.session.LogoutRequest;
import eco2.auth.session.RefreshRequest;
import eco2.common.testing.RunningApp;
import eco2.common.testing.SpecDrift;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: text PostgreSQL cannot take (NUL), lone surrogates and control characters are a 422 naming the field,
 * and a form in an unknown charset a 400, never a 500; nothing is stored.
 */
class InputTextIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    static void refused(TestHttp.Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = r.json();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("request_id").asText()).isNotBlank();
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private static int users() {
        return auth.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users")
                        .mapTo(Integer.class)
                        .one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "a\\ud800b", "a\\u001bb", "a\\nb"})
    void aLoginNameWithBadTextIs422(String escaped) {
        refused(
                auth.get()
                        .http
                        .postJson(
                                "/api/v1/auth/login", "{\"email\":\"" + escaped + "\",\"password\":\"correct horse\"}"),
                422,
                "validation_error",
                "email");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "a\\u0000b, invite_code",
        "a\\u0007b, invite_code",
        "a\\u001bb, invite_code",
        "a\\u007fb, invite_code",
        "a\\ud800b, invite_code",
        "a\\u0000b, password",
        "a\\ud800bcdefgh, password",
        "a\\tbcdefgh, password",
        "a\\u0000b@example.com, email"
    })
    void registeringWithBadTextIs422AndCreatesNoAccount(String escaped, String field) {
        int before = users();
        String name = TestUsers.uniqueName();
        String email = field.equals("email") ? escaped : name + "@example.com";
        String password = field.equals("password") ? escaped : TestUsers.PASSWORD;
        String invite = field.equals("invite_code") ? ",\"invite_code\":\"" + escaped + "\"" : "";
        String body = "{\"email\":\"" + email + "\",\"username\":\"" + name + "\",\"password\":\"" + password + "\""
                + invite + "}";

        refused(auth.get().http.postJson("/api/v1/auth/register", body), 422, "validation_error", field);
        assertThat(users()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username=a%00b&password=x", "username=mina&password=a%1Bb"})
    void thePasswordFormWithBadTextIs422NamingTheField(String form) {
        TestHttp.Response r = auth.get()
                .http
                .post("/api/v1/auth/token", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));

        refused(r, 422, "validation_error", form.contains("%00") ? "username" : "password");
    }

    @Test
    void theSpecAdvertisesExactlyTheFieldsTheBodiesAccept() {
        SpecDrift.assertBodiesMatch(
                auth.get().http.get("/openapi.json").json(),
                auth.get().infra.jsonBody(),
                RegisterRequest.class,
                LoginRequest.class,
                RefreshRequest.class,
                LogoutRequest.class,
                TokenRequest.class,
                ResetRequest.class,
                NewPasswordRequest.class,
                OAuthCallbackRequest.class,
                CreateKeyRequest.class,
                RotateRequest.class);
    }

    @Test
    void thePasswordFormInAnUnknownCharsetIs400NamingTheContentType() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String form = "username=" + user.username() + "&password=" + TestUsers.PASSWORD.replace(' ', '+');

        TestHttp.Response r = auth.get()
                .http
                .post(
                        "/api/v1/auth/token",
                        "application/x-www-form-urlencoded; charset=x-bogus",
                        form.getBytes(StandardCharsets.UTF_8));

        refused(r, 400, "bad_request", "Content-Type");
        TestHttp.Response utf8 = auth.get()
                .http
                .post(
                        "/api/v1/auth/token",
                        "application/x-www-form-urlencoded; charset=utf-8",
                        form.getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.status()).as(utf8.body()).isEqualTo(200);
    }
}
