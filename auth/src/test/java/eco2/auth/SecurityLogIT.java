package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Security events are structured log lines with the client IP and the user id (issue 15, item 17), and neither
 * they nor the access log carry passwords or tokens; the access log names the signed-in user.
 */
class SecurityLogIT {
    static AuthTestApp auth;
    static final ListAppender<ILoggingEvent> security = new Captured();
    static final ListAppender<ILoggingEvent> access = new Captured();

    /** Keeps each event with the MDC of the request thread that logged it (logback reads it lazily otherwise). */
    static final class Captured extends ListAppender<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start();
        attach("eco2.security", security);
        attach("eco2.access", access);
    }

    @AfterAll
    static void stop() {
        for (String name : new String[] {"eco2.security", "eco2.access"}) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAndStopAllAppenders();
            logger.setLevel(null);
            logger.setAdditive(true);
        }
        auth.close();
    }

    @BeforeEach
    void clear() {
        security.list.clear();
        access.list.clear();
    }

    /** At INFO (tests log warnings only), to the list alone rather than the console too. */
    private static void attach(String name, ListAppender<ILoggingEvent> appender) {
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    private static List<ILoggingEvent> events(String event) {
        return security.list.stream()
                .filter(e -> e.getFormattedMessage().contains("event=" + event))
                .toList();
    }

    @Test
    void signInsAreLoggedWithTheClientIpAndUserAndNoSecrets() {
        TestUsers.Session user = TestUsers.register(auth.http);
        clear();

        TestUsers.login(auth.http, user.email(), "not the password");
        TestHttp.Response ok = TestUsers.login(auth.http, user.email(), TestUsers.PASSWORD);
        String access = ok.json().get("access_token").asText();

        assertThat(events("sign_in.failure")).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("user_id=" + user.id(), "reason=bad_credentials");
            assertThat(e.getMDCPropertyMap())
                    .containsEntry("client_ip", "127.0.0.1")
                    .containsKey("request_id");
        });
        assertThat(events("sign_in.success"))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("user_id=" + user.id()));
        for (ILoggingEvent e : security.list)
            assertThat(e.getFormattedMessage())
                    .doesNotContain(TestUsers.PASSWORD, "not the password", access, user.email());
    }

    @Test
    void refreshTokenReuseIsLogged() {
        TestUsers.Session user = TestUsers.register(auth.http);
        Map<String, String> body = Map.of("refresh_token", user.refreshToken());
        auth.http.postJson("/api/v1/auth/refresh", TestHttp.json(body));
        auth.http.postJson("/api/v1/auth/refresh", TestHttp.json(body));

        assertThat(events("refresh_token.reuse"))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("user_id=" + user.id())
                        .doesNotContain(user.refreshToken()));
    }

    @Test
    void theAccessLogNamesTheSignedInUserButNotTheirToken() {
        TestUsers.Session user = TestUsers.register(auth.http);
        clear();

        auth.http.get("/api/v1/auth/me", user.auth());

        ILoggingEvent line = access.list.stream()
                .filter(e -> e.getFormattedMessage().contains("path=/api/v1/auth/me"))
                .findFirst()
                .orElseThrow();
        assertThat(line.getFormattedMessage()).contains("user_id=" + user.id()).doesNotContain(user.accessToken());
        assertThat(line.getMDCPropertyMap()).containsKey("client_ip");
    }
}
