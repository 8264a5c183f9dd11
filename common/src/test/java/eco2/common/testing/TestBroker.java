package eco2.common.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/** Removes what a test app declared on the shared broker, so durable test queues do not pile up across runs. */
public final class TestBroker {
    private TestBroker() {}

    public static void deleteQueuesAndExchange(String exchange, String... queues) {
        try {
            try (Connection connection = TestServices.get().amqpConnection("test-cleanup");
                    Channel channel = connection.createChannel()) {
                for (String queue : queues) {
                    channel.queueDelete(queue);
                    channel.queueDelete(queue + ".dlq");
                }
                channel.exchangeDelete(exchange);
            }
        } catch (Exception e) {
            // best effort: a leftover test queue is untidy, not wrong
        }
    }
}
