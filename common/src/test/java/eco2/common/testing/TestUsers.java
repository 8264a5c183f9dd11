package eco2.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures through the public API: register and log in a user, get its tokens. Every service's tests sign users in
 * the way a client does (POST /api/v1/auth/register, then /login), so the tokens carry what auth really issues.
 */
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

    /** A username no other test of this JVM uses, e.g. {@code user_4711_3}. */
    public static String uniqueName() {
        return uniqueName("user");
    }

    /** As {@link #uniqueName()}, with a prefix telling whose test created the user. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() % 10000 + "_" + SEQ.incrementAndGet();
    }

    /** A new user with a unique name, a mixed-case email and {@link #PASSWORD}, signed in. */
    public static Session register(TestHttp http) {
        String username = uniqueName();
        return register(http, username, username + "@Example.COM", PASSWORD);
    }

    /** Registers this user (201 expected) and signs in with its username (200 expected). */
    public static Session register(TestHttp http, String username, String email, String password) {
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", email, "username", username, "password", password)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestHttp.Response login = login(http, username, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode tokens = login.json();
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
