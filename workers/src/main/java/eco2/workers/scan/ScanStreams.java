package eco2.workers.scan;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event streams open on this instance, by task: news from the bus reaches them here, and one timer pings
 * them all. A stream leaves the registry when it closes, however that happens.
 */
public final class ScanStreams implements AutoCloseable {
    private final Map<UUID, Set<SseStream>> byTask = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-sse-ping");
        t.setDaemon(true);
        return t;
    });

    public ScanStreams(Duration pingInterval) {
        long millis = pingInterval.toMillis();
        pinger.scheduleWithFixedDelay(this::pingAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void add(SseStream stream) {
        byTask.computeIfAbsent(stream.taskId(), id -> ConcurrentHashMap.newKeySet())
                .add(stream);
        stream.closed().whenComplete((ignored, error) -> remove(stream));
    }

    /** Delivers a task's current events to its streams here (usually none or one). */
    public void deliver(UUID taskId, Iterable<SseEvent> events) {
        Set<SseStream> streams = byTask.get(taskId);
        if (streams != null) streams.forEach(stream -> stream.send(events));
    }

    public int open() {
        return byTask.values().stream().mapToInt(Set::size).sum();
    }

    private void pingAll() {
        byTask.values().forEach(streams -> streams.forEach(SseStream::ping));
    }

    private void remove(SseStream stream) {
        byTask.computeIfPresent(stream.taskId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        byTask.values().forEach(streams -> streams.forEach(SseStream::close));
    }
}
