package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.SpecDrift;
import eco2.common.testing.TestHttp;
import eco2.my.profile.ProfileUpdate;
import eco2.my.settings.SettingsUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17 for profiles: NUL, lone surrogates and control characters are a 422 naming the field and change
 * nothing; a bio keeps its newlines; the spec advertises exactly the fields PATCH accepts.
 */
class InputTextIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    private static TestHttp.Response patch(MyTestApp.User user, String json) {
        return my.get()
                .http
                .send(
                        "PATCH",
                        "/api/v1/users/me",
                        "application/json",
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        user.auth());
    }

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        "a\\u0000b, bio",
        "a\\u001bb, bio",
        "a\\u0007b, bio",
        "a\\u007fb, bio",
        "a\\ud800b, bio",
        "ab\\ud800cd, nickname",
        "ab\\udc00cd, nickname",
        "ab\\u0000cd, nickname",
        "ab\\ncd, nickname"
    })
    void badTextIs422NamingTheFieldAndChangesNothing(String escaped, String field) {
        MyTestApp.User user = my.get().register();
        String before = my.get().http.get("/api/v1/users/me", user.auth()).body();

        TestHttp.Response r = patch(user, "{\"" + field + "\":\"" + escaped + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).body()).isEqualTo(before);
    }

    @Test
    void aBioKeepsItsTabsAndNewlines() {
        MyTestApp.User user = my.get().register();

        TestHttp.Response r = patch(user, "{\"bio\":\"첫 줄\\r\\n\\t둘째 줄\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("bio").asText()).isEqualTo("첫 줄\r\n\t둘째 줄");
    }

    @Test
    void theSpecAdvertisesExactlyTheFieldsPatchAcceptsAndSaysNullMeansAbsent() {
        JsonNode spec = my.get().http.get("/openapi.json").json();

        SpecDrift.assertBodiesMatch(spec, my.get().infra.jsonBody(), ProfileUpdate.class, SettingsUpdate.class);
        for (String schema : new String[] {"ProfileUpdate", "SettingsUpdate"}) {
            spec.path("components")
                    .path("schemas")
                    .path(schema)
                    .path("properties")
                    .forEach(property -> assertThat(property.path("description").asText())
                            .as(schema)
                            .contains("null is the same as leaving it out"));
        }
    }
}
