package eco2.common.events;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import eco2.common.ops.ReadinessCheck;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * One AMQP connection per process, opened on first use. Once open, the client's automatic recovery
 * reconnects it (and its channels) after a broker restart; if the broker was down at start-up, the next
 * call simply tries again. Declares the durable topic exchange.
 */
public final class AmqpConnector implements AutoCloseable {
    private final ConnectionFactory factory;
    private final String name;
    private final String exchange;
    private Connection connection;

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
        this.exchange = settings.exchange();
    }

    public String exchange() {
        return exchange;
    }

    /** A new channel on the shared connection, with the exchange declared. */
    public synchronized Channel openChannel() throws IOException {
        if (connection == null) {
            try {
                connection = factory.newConnection(name);
            } catch (TimeoutException e) {
                throw new IOException("AMQP connection timed out", e);
            }
        }
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
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
                current = connection;
            }
            if (current == null) openChannel().close();
            else if (!current.isOpen()) throw new IOException("AMQP connection is down");
        });
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close(2000);
            } catch (Exception ignored) {
                // closing during shutdown: the broker cleans up after us
            }
        }
    }
}
