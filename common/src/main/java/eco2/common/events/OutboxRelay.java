package eco2.common.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to {@code eco2.events} with publisher confirms and {@code mandatory}, on the publishing
 * connection. A batch is claimed with a short lease in its own committed statement, so no row lock or transaction
 * is held while the broker is talked to. A row is marked sent only after the broker confirmed it without returning
 * it: a return means no queue is bound to its routing key yet (a consumer not yet deployed), and the row waits
 * with a back-off instead of being dropped. If publishing fails, the rows are given back for the next try: an
 * event may be published twice (consumers are idempotent), never lost. Published rows are deleted after the
 * retention period ({@link AmqpSettings#outboxRetention()}), since some carry data nobody should keep forever.
 * Runs on its own daemon thread; several replicas may run one each.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final long CONFIRM_TIMEOUT_MS = 5000;
    /** Longer than a publish and its confirm can take, so a live relay never sees its rows claimed twice. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final int PURGE_BATCH = 1000;

    private final Jdbi jdbi;
    private final AmqpConnector amqp;
    private final Set<String> unconsumedTypes;
    private final Counter published;
    private final Counter returned;
    private final AtomicLong backlog = new AtomicLong();
    private final Set<String> bounced = ConcurrentHashMap.newKeySet();
    private final ConcurrentNavigableMap<Long, String> inFlight = new ConcurrentSkipListMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Channel channel;
    private long nextPurge = System.nanoTime() + Duration.ofMinutes(1).toNanos();

    public OutboxRelay(Jdbi jdbi, AmqpConnector amqp, MeterRegistry registry, String service) {
        this(jdbi, amqp, registry, service, Set.of());
    }

    /**
     * {@code unconsumedTypes}: routing keys that no service consumes yet (announcements). They are published
     * without {@code mandatory}, so they do not wait in the outbox for a queue that will never come.
     */
    public OutboxRelay(
            Jdbi jdbi, AmqpConnector amqp, MeterRegistry registry, String service, Set<String> unconsumedTypes) {
        this.jdbi = jdbi;
        this.amqp = amqp;
        this.unconsumedTypes = Set.copyOf(unconsumedTypes);
        this.published = Counter.builder("eco2_outbox_published")
                .tag("service", service)
                .description("events confirmed by the broker")
                .register(registry);
        this.returned = Counter.builder("eco2_outbox_returned")
                .tag("service", service)
                .description("events the broker returned because no queue was bound to their routing key")
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
        List<OutboxRepository.Pending> rows = new ArrayList<>(
                jdbi.withExtension(OutboxRepository.class, outbox -> outbox.claim(BATCH, LEASE.toSeconds())));
        if (rows.isEmpty()) {
            refreshBacklog();
            return 0;
        }
        rows.sort(
                Comparator.comparing(OutboxRepository.Pending::createdAt).thenComparing(OutboxRepository.Pending::id));
        bounced.clear();
        inFlight.clear();
        try {
            Channel ch = channel();
            for (OutboxRepository.Pending row : rows) {
                inFlight.put(ch.getNextPublishSeqNo(), row.id().toString());
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .deliveryMode(2)
                        .messageId(row.id().toString())
                        .type(row.type())
                        .build();
                ch.basicPublish(
                        amqp.exchange(),
                        row.type(),
                        !unconsumedTypes.contains(row.type()),
                        props,
                        row.payload().getBytes(StandardCharsets.UTF_8));
            }
            // The broker sends basic.return before the confirm of the same message, and a nack is its confirm, so
            // bounced is complete here.
            // RabbitMQ returns and acks an unroutable mandatory message; Qpid Broker-J nacks it: either way it waits.
            if (!ch.waitForConfirms(CONFIRM_TIMEOUT_MS))
                log.debug("the broker nacked part of a batch; those rows wait and are retried");
        } catch (Exception e) {
            release(rows);
            throw e;
        }
        List<UUID> sent = new ArrayList<>();
        List<UUID> back = new ArrayList<>();
        for (OutboxRepository.Pending row : rows) (bounced.contains(row.id().toString()) ? back : sent).add(row.id());
        jdbi.useTransaction(handle -> {
            OutboxRepository outbox = handle.attach(OutboxRepository.class);
            outbox.markPublished(sent.toArray(UUID[]::new));
            if (!back.isEmpty()) outbox.deferReturned(back.toArray(UUID[]::new));
        });
        published.increment(sent.size());
        if (!back.isEmpty()) {
            returned.increment(back.size());
            log.warn(
                    "{} event(s) returned or nacked by the broker (no queue bound to their routing key yet?); they stay in the"
                            + " outbox and are retried with a back-off",
                    back.size());
        }
        refreshBacklog();
        return sent.size();
    }

    /** Deletes rows published more than the retention period ago; returns how many went. Scheduled hourly. */
    public int purgePublished() {
        Instant cutoff = Instant.now().minus(amqp.settings().outboxRetention());
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.withExtension(OutboxRepository.class, outbox -> outbox.purgePublished(cutoff, PURGE_BATCH));
            total += deleted;
        } while (deleted == PURGE_BATCH && running);
        if (total > 0) log.info("purged {} outbox rows published before {}", total, cutoff);
        return total;
    }

    private void release(List<OutboxRepository.Pending> rows) {
        try {
            jdbi.useExtension(
                    OutboxRepository.class,
                    outbox -> outbox.release(
                            rows.stream().map(OutboxRepository.Pending::id).toArray(UUID[]::new)));
        } catch (RuntimeException e) {
            log.debug("could not release claimed outbox rows; their lease runs out instead: {}", e.toString());
        }
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
            purgeWhenDue();
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

    private void purgeWhenDue() {
        if (System.nanoTime() - nextPurge < 0) return;
        nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
        try {
            purgePublished();
        } catch (RuntimeException e) { // PostgreSQL away: the next hour tries again
            log.warn("outbox purge failed: {}", e.toString());
        }
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = amqp.openPublisherChannel();
            channel.confirmSelect();
            channel.addReturnListener(
                    r -> bounced.add(String.valueOf(r.getProperties().getMessageId())));
            // A nacked row is not published either (Qpid nacks what RabbitMQ returns): it waits like a returned one.
            channel.addConfirmListener((seq, multiple) -> {}, (seq, multiple) -> {
                if (multiple) bounced.addAll(inFlight.headMap(seq, true).values());
                else if (inFlight.containsKey(seq)) bounced.add(inFlight.get(seq));
            });
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
