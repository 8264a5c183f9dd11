package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthMain;
import eco2.common.embedded.FreePorts;
import eco2.common.events.AmqpSettings;
import eco2.common.events.QueueBinding;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestServices;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while auth is busy, with auth in its own JVM as in a container: every request it accepted completes,
 * later ones find the port closed (never a reset or a 5xx), the outbox holds nothing unpublished, exit status 0.
 */
class GracefulShutdownIT {
    static final int REQUESTS = 12; // within what the argon2 semaphore queues without shedding load (503)

    @Test
    void sigtermFinishesAcceptedRequestsFlushesTheOutboxAndExitsZero() throws Exception {
        TestServices services = TestServices.get();
        String database = services.freshDatabase();
        String exchange = "eco2.events.test." + database;
        int port = FreePorts.pick();
        Map<String, String> env = services.serviceEnv(database, "auth");
        env.putAll(Map.of(
                "PORT",
                Integer.toString(port),
                "AMQP_EXCHANGE",
                exchange,
                "RATE_LIMIT_ENABLED",
                "false",
                "SHUTDOWN_GRACE_SECONDS",
                "15",
                "JWT_DEV_KEY_FILE",
                Files.createTempDirectory("jwt").resolve("k.pem").toString()));
        // Events go out with `mandatory`: a consumer's queue must exist (my's `migrate` declares it in production).
        String registrations = "graceful.user-registered." + database;
        QueueBinding.declareAll(
                new AmqpSettings(services.amqpUri(), exchange),
                "graceful-test",
                List.of(new QueueBinding(registrations, List.of("user.registered"))));
        Path log = Files.createTempFile("auth-process", ".log");
        // The production logging config, not the tests' quiet one that is also on this classpath.
        ProcessBuilder builder = new ProcessBuilder(
                        javaBinary(),
                        "-Dlogback.configurationFile=logback.xml",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AuthMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process auth = builder.start();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitReady(client, port, auth, log);

            // Registrations hash with argon2 (slow on purpose), so many are in flight when the signal arrives.
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++)
                calls.add(client.sendAsync(register(port, "drain" + i), HttpResponse.BodyHandlers.ofString()));
            calls.get(0).join();
            long signalled = System.nanoTime();
            auth.destroy(); // SIGTERM
            assertThat(auth.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped within the grace period")
                    .isTrue();
            System.out.printf("auth stopped %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
            assertThat(auth.exitValue()).as(Files.readString(log)).isZero();

            int created = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                try {
                    HttpResponse<String> response = call.join();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    created++;
                } catch (CompletionException refused) {
                    assertThat(refused.getCause())
                            .as("only never-accepted requests may fail")
                            .isInstanceOf(ConnectException.class);
                }
            }
            assertThat(created).isGreaterThan(1);
            Jdbi db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
            long users = db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.users")
                    .mapTo(Long.class)
                    .one());
            long unpublished =
                    db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox WHERE published_at IS NULL")
                            .mapTo(Long.class)
                            .one());
            assertThat(users).as("every 201 is a stored account, nothing else").isEqualTo(created);
            assertThat(unpublished).as("the relay flushed before exit").isZero();
            assertThat(Files.readString(log)).contains("stopped");
        } finally {
            auth.destroyForcibly();
            TestBroker.deleteQueuesAndExchange(exchange, "auth.user-deleted", registrations, registrations + ".dlq");
        }
    }

    private static HttpRequest register(int port, String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        String body =
                "{\"email\":\"" + name + "@example.com\",\"username\":\"" + name + "\",\"password\":\"password123\"}";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void awaitReady(HttpClient client, int port, Process process, Path log) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .build();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new AssertionError("auth exited early:\n" + Files.readString(log));
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("auth never became ready:\n" + Files.readString(log));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
