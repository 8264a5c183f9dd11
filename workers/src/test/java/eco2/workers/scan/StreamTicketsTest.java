package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamTicketsTest {
    static final String SECRET = "a-secret-that-is-long-enough-for-hmac-sha256";
    static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    final UUID task = UUID.randomUUID();
    final Caller caller = Caller.user(UUID.randomUUID());

    static StreamTickets at(Instant now) {
        return new StreamTickets(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTicketOpensItsOwnTaskForItsCallerUntilItExpires() {
        String ticket = at(NOW).issue(task, caller);
        assertThat(at(NOW.plus(Duration.ofMinutes(5))).verify(ticket, task)).contains(caller);
        assertThat(at(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)).verify(ticket, task))
                .isEmpty();
        assertThat(at(NOW).verify(ticket, UUID.randomUUID())).isEmpty();
    }

    @Test
    void anyChangeOrAnotherSecretBreaksIt() {
        String ticket = at(NOW).issue(task, caller);
        String claims = ticket.substring(0, ticket.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((task + "|user:" + UUID.randomUUID() + "|9999999999").getBytes())
                + ticket.substring(ticket.indexOf('.'));
        assertThat(at(NOW).verify(forged, task)).isEmpty();
        assertThat(at(NOW).verify(claims, task)).isEmpty();
        assertThat(at(NOW).verify(ticket + "x", task)).isEmpty();
        assertThat(at(NOW).verify("%%%.%%%", task)).isEmpty();
        StreamTickets other =
                new StreamTickets("another-secret-that-is-long-enough-for-it", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.verify(ticket, task)).isEmpty();
    }
}
