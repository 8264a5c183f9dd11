package eco2.workers.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One open event stream. Writes come from whichever thread has news (the Redis listener, the pinger, the request
 * itself), so they are serialised here; events at or below the last id sent are dropped, which makes catch-up and
 * live delivery safe to overlap. A failed write means the client went away: the stream closes and
 * {@link #closed()} completes, which ends the servlet's async request and frees everything.
 */
public final class SseStream {
    private final UUID taskId;
    private final OutputStream out;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private long lastId;

    public SseStream(UUID taskId, OutputStream out, long lastEventId) {
        this.taskId = taskId;
        this.out = out;
        this.lastId = lastEventId;
    }

    public UUID taskId() {
        return taskId;
    }

    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Sends the events newer than what the client has; the stream ends after the result. */
    public synchronized void send(Iterable<SseEvent> events) {
        if (closed.isDone()) return;
        for (SseEvent event : events) {
            if (event.id() <= lastId) continue;
            lastId = event.id();
            write(event.wire());
            if (closed.isDone()) return;
        }
        if (lastId >= ScanEventIds.RESULT) close();
    }

    /** A comment line that keeps proxies from closing an idle stream and finds clients that left. */
    public synchronized void ping() {
        if (!closed.isDone()) write(": ping\n\n");
    }

    public void close() {
        closed.complete(null);
    }

    private boolean write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }
}
