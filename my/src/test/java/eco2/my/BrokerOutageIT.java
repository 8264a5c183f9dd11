package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.common.testing.TcpProxy;
import eco2.common.testing.TestServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through a broker outage: auth and my reach RabbitMQ through a proxy that is cut while users
 * register. Registration keeps working; when the connection returns, every profile arrives exactly once.
 */
class BrokerOutageIT {
    static TcpProxy proxy;
    static MyTestApp my;

    @BeforeAll
    static void start() throws Exception {
        proxy = TestServices.get().amqpProxy();
        my = MyTestApp.start(TestServices.get().amqpUriVia(proxy));
    }

    @AfterAll
    static void stop() throws Exception {
        my.close();
        proxy.close();
    }

    @Test
    void registrationsDuringTheOutageAllBecomeProfilesOnce() throws Exception {
        MyTestApp.User before = my.register();
        Await.until(() -> profiles(List.of(before.id())) == 1);

        proxy.cut();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) ids.add(my.register().id());
        Thread.sleep(1000);
        assertThat(profiles(ids))
                .as("nothing can arrive while the broker is unreachable")
                .isZero();
        long waiting =
                my.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox WHERE published_at IS NULL")
                        .mapTo(Long.class)
                        .one());
        assertThat(waiting).isEqualTo(10);

        proxy.restore();
        Await.until(() -> profiles(ids) == 10);
        long processed = my.db.withHandle(
                h -> h.createQuery("SELECT count(*) FROM users.processed_events WHERE event_type = 'user.registered'")
                        .mapTo(Long.class)
                        .one());
        assertThat(processed).isEqualTo(11);
    }

    private static long profiles(List<String> ids) {
        return my.db.withHandle(h -> h.createQuery("SELECT count(*) FROM users.profiles WHERE user_id::text IN (<ids>)")
                .bindList("ids", ids)
                .mapTo(Long.class)
                .one());
    }
}
