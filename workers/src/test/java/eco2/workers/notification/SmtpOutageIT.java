package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.TcpProxy;
import eco2.workers.TestSmtp;
import eco2.workers.WorkersTestApp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server goes away while a verification mail is due: the event stays unacked and is retried, and the
 * mail goes out once the server is back within the retry window. The worker reaches GreenMail through a proxy
 * that can refuse connections.
 */
class SmtpOutageIT {
    static TestSmtp smtp;
    static TcpProxy proxy;
    static WorkersTestApp workers;

    @BeforeAll
    static void start() throws Exception {
        smtp = TestSmtp.start();
        proxy = new TcpProxy("127.0.0.1", smtp.port);
        // About 15 s of retries in all: long enough to outlast the outage, short enough for a test.
        List<Duration> delays = List.of(
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        workers = WorkersTestApp.start(
                TestSmtp.settings(proxy.port()), delays, Files.createTempDirectory("eco2-mailbox-unused"));
    }

    @AfterAll
    static void stop() throws Exception {
        workers.close();
        proxy.close();
        smtp.close();
    }

    @Test
    void aMailDueDuringTheOutageIsSentWhenTheServerReturns() throws Exception {
        String to = Mails.address("outage");
        UUID id = UUID.randomUUID();
        proxy.cut();
        workers.publish(id, Mails.event("verify_email", to, "outage", "ko", "t-outage"));

        Await.until(() -> workers.retries() >= 2);
        assertThat(smtp.mailsTo(to)).isEmpty();
        assertThat(workers.processed(id))
                .as("a failed send must not count as processed")
                .isFalse();
        assertThat(workers.takeDeadLetter())
                .as("still being retried, not parked")
                .isNull();

        proxy.restore();
        Await.until(() -> smtp.mailsTo(to).size() == 1);
        Await.until(() -> workers.processed(id));
        assertThat(workers.takeDeadLetter()).isNull();
    }
}
