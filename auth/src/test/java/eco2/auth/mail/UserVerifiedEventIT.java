package eco2.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.EventTap;
import eco2.common.testing.MailTokens;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code user.verified} is published once per account, when its email is first proved (my pays invites on it). */
class UserVerifiedEventIT {
    static MailedAuth app;
    static EventTap verified;

    @BeforeAll
    static void start() throws Exception {
        app = MailedAuth.start();
        verified = EventTap.bind(app.auth.config.amqp().exchange(), "user.verified");
    }

    @AfterAll
    static void stop() throws Exception {
        verified.close();
        app.close();
    }

    @Test
    void theFirstVerificationPublishesItAndALaterResetDoesNot() throws Exception {
        TestUsers.Session user = TestUsers.register(app.auth.http);
        verify(user);
        assertThat(verified.next(e -> e.path("data").path("user_id").asText().equals(user.id())))
                .isNotNull();

        post("/api/v1/auth/reset-password/request", Map.of("email", user.email()));
        String token = MailTokens.open(app.mailTo(user.email()));
        assertThat(post("/api/v1/auth/reset-password", Map.of("token", token, "new_password", "a new password"))
                        .status())
                .isEqualTo(204);

        // The outbox is published in order: once a later account's event is here, any event of the reset would be too.
        TestUsers.Session later = TestUsers.register(app.auth.http);
        post("/api/v1/auth/reset-password/request", Map.of("email", later.email()));
        String laterToken = MailTokens.open(app.mailTo(later.email()));
        post("/api/v1/auth/reset-password", Map.of("token", laterToken, "new_password", "a new password"));
        assertThat(verified.next(e -> true).path("data").path("user_id").asText())
                .as("a reset of an unverified account verifies it; the verified one published nothing")
                .isEqualTo(later.id());
    }

    private static void verify(TestUsers.Session user) throws Exception {
        assertThat(app.auth
                        .http
                        .postJson("/api/v1/auth/verify-email/request", "", user.auth())
                        .status())
                .isEqualTo(202);
        String token = MailTokens.open(app.mailTo(user.email()));
        assertThat(post("/api/v1/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(200);
    }

    private static TestHttp.Response post(String path, Map<String, String> body) {
        return app.auth.http.postJson(path, TestHttp.json(body));
    }
}
