package eco2.common.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnListener;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Messages for one named queue (a redelivery counted in its headers, a dead letter parked, an admin replay) go
 * through the {@code eco2.queues} topic exchange, where every queue is bound under its own name, instead of the
 * default exchange. RabbitMQ cannot limit the default exchange per queue, but it checks topic permissions here, so
 * a service's broker user may send only to queues named after it ({@code auth.…}), as the definitions grant.
 */
public final class QueueDelivery {
    public static final String EXCHANGE = "eco2.queues";

    private QueueDelivery() {}

    /** Declares the exchange (idempotent) and binds {@code queue} to it under its own name. */
    public static void bind(Channel channel, String queue) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueBind(queue, EXCHANGE, queue);
    }

    /** Unconfirmed, as a consumer parks on its own channel. */
    public static void send(Channel channel, String queue, AMQP.BasicProperties props, byte[] body) throws IOException {
        channel.basicPublish(EXCHANGE, queue, props, body);
    }

    /**
     * Published with {@code mandatory} and confirmed; an {@link IOException} when the broker nacks it or no queue of
     * that name is bound (it returns the message), so the caller keeps the original.
     */
    public static void sendConfirmed(
            Channel channel, String queue, AMQP.BasicProperties props, byte[] body, long timeoutMillis)
            throws IOException, InterruptedException, TimeoutException {
        AtomicBoolean returned = new AtomicBoolean();
        ReturnListener listener = channel.addReturnListener((Return message) -> returned.set(true));
        try {
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, queue, true, props, body);
            // A return comes before the confirm of the same message, so it is known once this returns.
            channel.waitForConfirmsOrDie(timeoutMillis);
        } finally {
            channel.removeReturnListener(listener);
        }
        if (returned.get()) throw new IOException("no queue " + queue + " is bound to " + EXCHANGE);
    }
}
