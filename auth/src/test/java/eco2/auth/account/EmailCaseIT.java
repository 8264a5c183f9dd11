package eco2.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.EventTap;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An email names one account whatever its case: registration, sign-in and password reset all ignore case. */
class EmailCaseIT {
    static AuthTestApp auth;
    static EventTap mails;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start();
        mails = EventTap.bind(auth.config.amqp().exchange(), "notification.email");
    }

    @AfterAll
    static void stop() throws Exception {
        mails.close();
        auth.close();
    }

    @Test
    void theSameAddressInAnotherCaseIsTaken() {
        String local = "Mina." + TestUsers.uniqueName();
        assertThat(register(local + "@Example.com").status()).isEqualTo(201);

        TestHttp.Response again = register(local.toLowerCase(Locale.ROOT) + "@example.COM");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).isEqualTo("Email is already registered");
    }

    @Test
    void signInAndResetFindTheAccountWhateverTheCase() throws Exception {
        String local = "Jun." + TestUsers.uniqueName();
        String stored = local + "@example.com";
        assertThat(register(stored).status()).isEqualTo(201);

        assertThat(TestUsers.login(auth.http, local.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM", TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(auth.http
                        .postJson(
                                "/api/v1/auth/reset-password/request",
                                TestHttp.json(Map.of("email", local.toLowerCase(Locale.ROOT) + "@example.com")))
                        .status())
                .isEqualTo(202);
        assertThat(mails.next(e -> e.path("data").path("to").asText().equals(stored)))
                .as("the mail goes to the stored address")
                .isNotNull();
    }

    private static TestHttp.Response register(String email) {
        return auth.http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(
                        Map.of("email", email, "username", TestUsers.uniqueName(), "password", TestUsers.PASSWORD)));
    }
}
