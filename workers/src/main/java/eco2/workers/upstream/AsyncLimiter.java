package eco2.workers.upstream;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code permits} calls in flight; later ones wait in a queue without holding a thread, and start when an
 * earlier one completes. Keeps a slow provider from piling up unbounded connections and buffers.
 */
public final class AsyncLimiter {
    private final int permits;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public AsyncLimiter(int permits) {
        if (permits < 1) throw new IllegalArgumentException("permits must be positive");
        this.permits = permits;
    }

    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                release();
                if (error != null) result.completeExceptionally(error);
                else result.complete(value);
            });
        };
        boolean now;
        synchronized (this) {
            now = running < permits;
            if (now) running++;
            else waiting.add(start);
        }
        if (now) start.run();
        return result;
    }

    public synchronized int inFlight() {
        return running;
    }

    public synchronized int queued() {
        return waiting.size();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) running--;
        }
        if (next != null) next.run();
    }
}
