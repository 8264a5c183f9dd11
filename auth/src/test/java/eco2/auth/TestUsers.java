package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures through the public API: register and log in a user, get its tokens. */
public final class TestUsers {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestUsers() {}

    /** A registered user and a fresh token pair. */
    public record Session(String id, String email, String username, String accessToken, String refreshToken) {
        public String[] auth() {
            return new String[] {"Authorization", TestHttp.bearer(accessToken)};
        }
    }

    public static String uniqueName() {
        return "user_" + ProcessHandle.current().pid() % 10000 + "_" + SEQ.incrementAndGet();
    }

    public static Session register(TestHttp http) {
        String username = uniqueName();
        String email = username + "@Example.COM";
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", email, "username", username, "password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode tokens = login(http, username, PASSWORD).json();
        return new Session(
                created.json().get("id").asText(),
                created.json().get("email").asText(),
                username,
                tokens.get("access_token").asText(),
                tokens.get("refresh_token").asText());
    }

    public static TestHttp.Response login(TestHttp http, String login, String password, String... headers) {
        return http.postJson(
                "/api/v1/auth/login", TestHttp.json(Map.of("email", login, "password", password)), headers);
    }
}
