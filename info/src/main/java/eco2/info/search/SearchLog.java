package eco2.info.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records searches off the request path: a bounded queue that a background thread writes to the database about once
 * a second, in one transaction per batch. A search never waits for (or fails on) this bookkeeping; if the queue is
 * full or the database refuses a batch, those entries are dropped and counted in {@code info_search_log_dropped_total}.
 */
public final class SearchLog implements AutoCloseable {
    /** Search days, like the rest of Eco², follow the calendar in Korea. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 5_000;

    private record Entry(String normalised, String typed, UUID userId, Instant at) {}

    private record DayQuery(LocalDate day, String query) implements Comparable<DayQuery> {
        @Override
        public int compareTo(DayQuery other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : query.compareTo(other.query);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Counter dropped;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ScheduledExecutorService writer;

    public SearchLog(Jdbi jdbi, Clock clock, MeterRegistry registry) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.dropped = Counter.builder("info_search_log_dropped_total")
                .description("Searches not recorded for statistics (queue full or database error)")
                .register(registry);
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "info-search-log");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** {@code userId} null for anonymous callers: they count in the statistics but have no history. */
    public void record(String normalised, String typed, UUID userId) {
        if (!queue.offer(new Entry(normalised, typed, userId, clock.instant()))) dropped.increment();
    }

    /**
     * Writes everything queued so far; the background thread calls it every second. Synchronised, so when it
     * returns every entry recorded before the call is committed, even one the background thread had taken: a
     * user's deletion flushes first and then finds all of that user's history.
     */
    public synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        Map<DayQuery, Long> counts = new TreeMap<>(); // sorted, so concurrent writers lock rows in the same order
        List<UUID> users = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Entry entry : batch) {
            counts.merge(new DayQuery(LocalDate.ofInstant(entry.at(), ZONE), entry.normalised()), 1L, Long::sum);
            if (entry.userId() != null) {
                users.add(entry.userId());
                typed.add(entry.typed());
                times.add(entry.at());
            }
        }
        try {
            jdbi.useTransaction(handle -> {
                SearchLogRepository repo = handle.attach(SearchLogRepository.class);
                repo.addCounts(
                        counts.keySet().stream().map(DayQuery::day).toList(),
                        counts.keySet().stream().map(DayQuery::query).toList(),
                        List.copyOf(counts.values()));
                if (!users.isEmpty()) repo.addUserQueries(users, typed, times);
            });
        } catch (RuntimeException e) {
            dropped.increment(batch.size());
            log.warn("dropped {} search log entries: {}", batch.size(), e.toString());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("search log flush failed: {}", e.toString());
        }
    }

    /** Stops the timer and writes what is left, so a clean shutdown loses nothing. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
