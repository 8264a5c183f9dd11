package eco2.workers.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {
    @Test
    void atMostPermitsRunAndTheRestStartAsEarlierOnesEnd() {
        AsyncLimiter limiter = new AsyncLimiter(2);
        List<CompletableFuture<Integer>> upstream = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(limiter.submit(() -> {
                CompletableFuture<Integer> call = new CompletableFuture<>();
                upstream.add(call);
                return call;
            }));
        }
        assertThat(upstream).hasSize(2);
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.queued()).isEqualTo(3);

        upstream.get(0).complete(0);
        assertThat(results.get(0)).isCompletedWithValue(0);
        assertThat(upstream).hasSize(3);
        upstream.get(1).completeExceptionally(new IllegalStateException("provider down"));
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThat(upstream).hasSize(4);
        upstream.get(2).complete(2);
        upstream.get(3).complete(3);
        upstream.get(4).complete(4);
        assertThat(results).allSatisfy(r -> assertThat(r).isDone());
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.queued()).isZero();
    }
}
