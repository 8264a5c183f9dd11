package eco2.common.events;

import java.time.Duration;
import java.util.List;

/**
 * A durable queue of one service, bound to routing keys, and how to handle what arrives. Failures are retried
 * after each delay in turn, then the message is parked in {@code <queue>.dlq}.
 */
public record Subscription(
        String queue, List<String> routingKeys, EventHandler handler, List<Duration> retryDelays, int prefetch) {
    public static final List<Duration> DEFAULT_DELAYS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60));

    public static Subscription of(String queue, List<String> routingKeys, EventHandler handler) {
        return new Subscription(queue, routingKeys, handler, DEFAULT_DELAYS, 16);
    }

    public static Subscription of(QueueBinding binding, EventHandler handler) {
        return of(binding.queue(), binding.routingKeys(), handler);
    }

    public QueueBinding binding() {
        return new QueueBinding(queue, routingKeys);
    }

    public String deadLetterQueue() {
        return queue + ".dlq";
    }
}
