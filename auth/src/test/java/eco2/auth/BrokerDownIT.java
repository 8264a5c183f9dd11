package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With RabbitMQ unreachable, registering still succeeds and its event waits in the outbox; /ready says why. */
class BrokerDownIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(() -> AuthTestApp.start(
            AuthTestApp.limits(name -> null), TestServices.get().redisUri(), "amqp://guest:guest@127.0.0.1:1/%2F"));

    @Test
    void registrationSucceedsAndTheEventWaits() {
        String name = TestUsers.uniqueName();
        TestHttp.Response r = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/register",
                        TestHttp.json(
                                Map.of("email", name + "@example.com", "username", name, "password", "password123")));

        assertThat(r.status()).isEqualTo(201);
        long pending = auth.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox WHERE published_at IS NULL AND "
                                + "payload->'data'->>'username' = :u")
                        .bind("u", name)
                        .mapTo(Long.class)
                        .one());
        assertThat(pending).isEqualTo(1);
    }

    @Test
    void readinessNamesRabbitmq() {
        TestHttp.Response r = auth.get().http.get("/ready");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).isEqualTo("Not ready: rabbitmq");
    }
}
