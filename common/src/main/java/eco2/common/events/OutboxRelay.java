package eco2.common.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to {@code eco2.events} with publisher confirms, and marks them sent only after the
 * broker acknowledged them, all inside the transaction that locked them. If publishing fails the transaction
 * rolls back and the rows wait for the next try: an event may be published twice (consumers are idempotent),
 * never lost. Runs on its own daemon thread; several replicas may run one each.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final long CONFIRM_TIMEOUT_MS = 5000;
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final AmqpConnector amqp;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private Channel channel;

    public OutboxRelay(Jdbi jdbi, AmqpConnector amqp, MeterRegistry registry, String service) {
        this.jdbi = jdbi;
        this.amqp = amqp;
        this.published = Counter.builder("eco2_outbox_published")
                .tag("service", service)
                .description("events confirmed by the broker")
                .register(registry);
        Gauge.builder("eco2_outbox_backlog", backlog, AtomicLong::get)
                .tag("service", service)
                .description("outbox rows not yet published")
                .register(registry);
        this.thread = new Thread(this::run, "outbox-relay-" + service);
        this.thread.setDaemon(true);
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Publishes one batch; returns how many rows it published. Visible for tests that drive the relay by hand. */
    public synchronized int publishBatch() throws Exception {
        int count = jdbi.inTransaction(handle -> {
            OutboxRepository outbox = handle.attach(OutboxRepository.class);
            List<OutboxRepository.Pending> rows = outbox.lockPending(BATCH);
            if (rows.isEmpty()) return 0;
            Channel ch = channel();
            for (OutboxRepository.Pending row : rows) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .deliveryMode(2)
                        .messageId(row.id().toString())
                        .type(row.type())
                        .build();
                ch.basicPublish(
                        amqp.exchange(), row.type(), props, row.payload().getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            outbox.markPublished(rows.stream().map(OutboxRepository.Pending::id).toArray(UUID[]::new));
            return rows.size();
        });
        published.increment(count);
        refreshBacklog();
        return count;
    }

    /** Kept current during broker outages too, when it matters most. */
    private void refreshBacklog() {
        try {
            backlog.set(jdbi.withExtension(OutboxRepository.class, OutboxRepository::countPending));
        } catch (RuntimeException e) {
            log.debug("outbox backlog unknown: {}", e.toString());
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                int sent = publishBatch();
                backoff = Duration.ofMillis(500);
                if (sent < BATCH) sleep(IDLE);
            } catch (Exception e) {
                if (!running) break;
                log.warn("outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                dropChannel();
                refreshBacklog();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = amqp.openChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private synchronized void dropChannel() {
        Channel ch = channel;
        channel = null;
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (Exception ignored) {
                // the channel is already broken; a new one is opened next time
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000); // it sleeps 200 ms between batches; only a long back-off needs the interrupt
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        dropChannel();
    }

    /**
     * Publishes what the last requests wrote, so a clean stop leaves no event waiting for the next start.
     * Best effort within a few seconds: whatever is left stays in the outbox for another replica's relay.
     */
    private void flush() {
        if (thread.getState() == Thread.State.NEW) return; // never started: tests drive publishBatch by hand
        long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
        try {
            while (publishBatch() == BATCH && System.nanoTime() < deadline) {
                // a full batch: there may be more
            }
        } catch (Exception e) {
            log.warn("outbox flush at shutdown failed; the rows wait for the next relay: {}", e.toString());
        }
    }
}
