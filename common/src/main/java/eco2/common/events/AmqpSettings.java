package eco2.common.events;

import eco2.common.config.Env;
import java.time.Duration;

/**
 * Where the broker is, which topic exchange carries the events (another one only for isolated test runs), and how
 * long event traces are kept: published outbox rows, dead letters, and how many deliveries a message gets before
 * it is parked even when each one killed the consumer.
 */
public record AmqpSettings(
        String url, String exchange, Duration outboxRetention, Duration deadLetterTtl, int deliveryLimit) {
    public static final String EXCHANGE = "eco2.events";
    public static final Duration OUTBOX_RETENTION = Duration.ofDays(7);
    public static final Duration DEAD_LETTER_TTL = Duration.ofDays(14);
    public static final int DELIVERY_LIMIT = 5;

    public AmqpSettings {
        if (outboxRetention.isNegative() || outboxRetention.isZero())
            throw new IllegalStateException("OUTBOX_RETENTION_DAYS must be at least 1");
        if (deadLetterTtl.isNegative() || deadLetterTtl.isZero())
            throw new IllegalStateException("DEAD_LETTER_TTL_DAYS must be at least 1");
        if (deliveryLimit < 1) throw new IllegalStateException("EVENT_DELIVERY_LIMIT must be at least 1");
    }

    /** The defaults for everything but the broker and exchange: what tests build. */
    public AmqpSettings(String url, String exchange) {
        this(url, exchange, OUTBOX_RETENTION, DEAD_LETTER_TTL, DELIVERY_LIMIT);
    }

    public static AmqpSettings fromEnv(Env env) {
        return new AmqpSettings(
                env.secret("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F"),
                env.get("AMQP_EXCHANGE", EXCHANGE),
                Duration.ofDays(env.integer("OUTBOX_RETENTION_DAYS", 7)),
                Duration.ofDays(env.integer("DEAD_LETTER_TTL_DAYS", 14)),
                env.integer("EVENT_DELIVERY_LIMIT", DELIVERY_LIMIT));
    }

    public AmqpSettings withDeadLetterTtl(Duration ttl) {
        return new AmqpSettings(url, exchange, outboxRetention, ttl, deliveryLimit);
    }

    public AmqpSettings withDeliveryLimit(int limit) {
        return new AmqpSettings(url, exchange, outboxRetention, deadLetterTtl, limit);
    }
}
