package eco2.workers.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The answers of an idempotent upstream call, kept for a short while by request. Identical calls made while one is
 * in flight share it, so a burst of the same question costs the upstream one request; a failed call is forgotten at
 * once, so the next caller tries again. Bounded: past {@code maxEntries} the expired entries go, then all of them.
 * The values are shared between callers, who must treat them as read-only.
 */
public final class RecentAnswers<K, V> {
    private record Entry<V>(CompletableFuture<V> answer, long expiresAt) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public RecentAnswers(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be positive");
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public RecentAnswers(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** The answer kept for {@code key}, or the one {@code call} starts (and which is kept, unless it fails). */
    public CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> call) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) evict(now);
        AtomicReference<Entry<V>> started = new AtomicReference<>();
        Entry<V> entry = entries.compute(key, (k, old) -> {
            if (old != null && old.expiresAt - now > 0) return old;
            Entry<V> fresh = new Entry<>(call.get(), now + ttlNanos);
            started.set(fresh);
            return fresh;
        });
        if (entry == started.get()) {
            // Outside compute(): a call that failed synchronously completes this callback at once, and a map must not
            // be changed from inside its own compute().
            entry.answer.whenComplete((value, error) -> {
                if (error != null) entries.remove(key, entry);
            });
        }
        // A copy, so that a caller's cancel() or complete() reaches neither the kept answer nor the other callers.
        return entry.answer.copy();
    }

    public int size() {
        return entries.size();
    }

    private void evict(long now) {
        entries.values().removeIf(entry -> entry.expiresAt - now <= 0);
        if (entries.size() >= maxEntries) entries.clear();
    }
}
