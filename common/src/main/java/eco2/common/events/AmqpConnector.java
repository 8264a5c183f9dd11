package eco2.common.events;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import eco2.common.ops.ReadinessCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Two AMQP connections per process, each opened on first use: one for consuming and one for publishing (the
 * outbox relay, parking dead letters, admin replays). RabbitMQ blocks a connection that publishes while a
 * resource alarm is on; kept apart, a blocked publisher cannot stall the consumers' acks. Once open, the
 * client's automatic recovery reconnects a connection (and its channels) after a broker restart; if the broker
 * was down at start-up, the next call simply tries again. Declares the durable topic exchange.
 */
public final class AmqpConnector implements AutoCloseable {
    private final ConnectionFactory factory;
    private final String name;
    private final AmqpSettings settings;
    private Connection consuming;
    private Connection publishing;

    public AmqpConnector(AmqpSettings settings, String name) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(settings.url());
        } catch (Exception e) {
            throw new IllegalStateException("AMQP_URL is not a valid amqp:// URI");
        }
        factory.setConnectionTimeout(3000);
        factory.setHandshakeTimeout(5000);
        factory.setRequestedHeartbeat(15);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2000);
        this.name = name;
        this.settings = settings;
    }

    public String exchange() {
        return settings.exchange();
    }

    public AmqpSettings settings() {
        return settings;
    }

    /** A new channel on the consuming connection, with the exchange declared. */
    public synchronized Channel openChannel() throws IOException {
        if (consuming == null) consuming = connect(name);
        return declared(consuming.createChannel());
    }

    /** A new channel on the publishing connection, with the exchange declared. */
    public synchronized Channel openPublisherChannel() throws IOException {
        if (publishing == null) publishing = connect(name + "-publisher");
        return declared(publishing.createChannel());
    }

    /**
     * The {@code expiration} property that makes a message expire after {@code ttl}. RabbitMQ reads it as
     * milliseconds from now; Qpid Broker-J (the embedded broker) reads it, as AMQP 0-8 did, as an absolute time.
     */
    public synchronized String expiration(Duration ttl) throws IOException {
        if (publishing == null) publishing = connect(name + "-publisher");
        Object product = publishing.getServerProperties().get("product");
        boolean rabbit =
                product != null && product.toString().toLowerCase(Locale.ROOT).contains("rabbitmq");
        return Long.toString(rabbit ? ttl.toMillis() : System.currentTimeMillis() + ttl.toMillis());
    }

    private Connection connect(String connectionName) throws IOException {
        try {
            return factory.newConnection(connectionName);
        } catch (TimeoutException e) {
            throw new IOException("AMQP connection timed out", e);
        }
    }

    private Channel declared(Channel channel) throws IOException {
        channel.exchangeDeclare(settings.exchange(), "topic", true);
        return channel;
    }

    /**
     * A consumer tag unique on this connection, for {@code basicConsume}. The client's automatic recovery keeps the
     * consumers it must re-register in a map keyed by tag, per connection. Server-chosen tags are unique per
     * connection on RabbitMQ but only per channel on Qpid ("sgen_1" on every channel), so there all but the last
     * consumer of a connection were silently dropped by the first reconnect, and their queues filled up unread.
     */
    public static String consumerTag(String queue) {
        return queue + "." + UUID.randomUUID();
    }

    public ReadinessCheck readiness() {
        return ReadinessCheck.of("rabbitmq", () -> {
            Connection current;
            synchronized (this) {
                current = consuming;
            }
            if (current == null) openChannel().close();
            else if (!current.isOpen()) throw new IOException("AMQP connection is down");
        });
    }

    @Override
    public synchronized void close() {
        for (Connection connection : new Connection[] {consuming, publishing}) {
            if (connection == null) continue;
            try {
                connection.close(2000);
            } catch (Exception ignored) {
                // closing during shutdown: the broker cleans up after us
            }
        }
    }
}
