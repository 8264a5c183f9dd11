package eco2.workers.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
    private final AtomicLong now = new AtomicLong();
    private final List<CompletableFuture<String>> calls = new ArrayList<>();
    private final RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofSeconds(60), 3, now::get);

    private CompletableFuture<String> ask(String key) {
        return answers.get(key, () -> {
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        });
    }

    @Test
    void identicalCallsInFlightShareOneAndItsAnswerIsReusedUntilItExpires() {
        CompletableFuture<String> first = ask("pet");
        CompletableFuture<String> second = ask("pet");
        assertThat(calls).hasSize(1);
        calls.get(0).complete("hits");
        assertThat(first).isCompletedWithValue("hits");
        assertThat(second).isCompletedWithValue("hits");

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(ask("pet")).isCompletedWithValue("hits");
        assertThat(calls).hasSize(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        CompletableFuture<String> later = ask("pet");
        assertThat(calls).hasSize(2);
        assertThat(later).isNotDone();
    }

    @Test
    void aFailedCallIsForgottenSoTheNextCallerTriesAgain() {
        CompletableFuture<String> failed = ask("glass");
        calls.get(0).completeExceptionally(new IllegalStateException("info down"));
        assertThat(failed).isCompletedExceptionally();
        assertThat(answers.size()).isZero();

        CompletableFuture<String> retried = ask("glass");
        assertThat(calls).hasSize(2);
        calls.get(1).complete("hits");
        assertThat(retried).isCompletedWithValue("hits");
    }

    @Test
    void aCallThatFailsAtOnceIsForgottenToo() {
        CompletableFuture<String> failed =
                answers.get("can", () -> CompletableFuture.failedFuture(new IllegalStateException("no route")));
        assertThat(failed).isCompletedExceptionally();
        assertThat(answers.size()).isZero();
    }

    @Test
    void aCallerCancellingItsCopyLeavesTheOthersTheirAnswer() {
        CompletableFuture<String> impatient = ask("cap");
        CompletableFuture<String> patient = ask("cap");
        impatient.cancel(true);
        calls.get(0).complete("hits");
        assertThat(patient).isCompletedWithValue("hits");
        assertThat(ask("cap")).isCompletedWithValue("hits");
    }

    @Test
    void pastItsBoundExpiredEntriesGoFirstThenEverything() {
        ask("a");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        ask("b");
        ask("c");
        ask("d"); // full (a, b, c): the expired a goes
        assertThat(answers.size()).isEqualTo(3);
        ask("e"); // full (b, c, d), none expired: all go
        assertThat(answers.size()).isEqualTo(1);
        calls.forEach(call -> call.complete("hits"));
        assertThat(ask("e")).isCompletedWithValue("hits");
    }
}
