package eco2.common.events;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's durable queue on the events exchange, its routing keys and its dead-letter queue. The consumer
 * declares it when it starts and the service's {@code migrate} command declares it before a rollout, so events
 * published before the first consumer runs wait in the queue (the relay publishes with {@code mandatory} and
 * keeps what no queue takes). Declared without arguments, as they always were: redeclaring an existing queue
 * with other arguments fails with PRECONDITION_FAILED on RabbitMQ.
 */
public record QueueBinding(String queue, List<String> routingKeys) {
    private static final Logger log = LoggerFactory.getLogger(QueueBinding.class);

    public QueueBinding {
        routingKeys = List.copyOf(routingKeys);
    }

    public String deadLetterQueue() {
        return queue + ".dlq";
    }

    public void declare(Channel channel, String exchange) throws IOException {
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueDeclare(deadLetterQueue(), true, false, false, null);
        for (String key : routingKeys) channel.queueBind(queue, exchange, key);
        QueueDelivery.bind(channel, queue);
        QueueDelivery.bind(channel, deadLetterQueue());
    }

    /** What {@code <service>.jar migrate} runs after Flyway: the exchange and every queue the service consumes. */
    public static void declareAll(AmqpSettings settings, String service, List<QueueBinding> queues) {
        try (AmqpConnector amqp = new AmqpConnector(settings, service + "-migrate");
                Channel channel = amqp.openChannel()) {
            for (QueueBinding binding : queues) {
                binding.declare(channel, amqp.exchange());
                log.info("queue {} is declared, bound to {}", binding.queue(), binding.routingKeys());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not declare the queues of " + service + ": " + e, e);
        }
    }
}
