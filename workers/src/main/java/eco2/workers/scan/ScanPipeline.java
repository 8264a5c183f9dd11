package eco2.workers.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.workers.upstream.UpstreamFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task through vision → rule → answer → reward, without a thread waiting on any provider: each stage is
 * a future, and only the short database steps run on the bounded {@code db} executor. A stage whose outcome is
 * already stored is skipped, so a redelivered task resumes where its last worker stopped. A provider failure or a
 * stage over its deadline ends the task as failed and pays nothing; a failure to reach the database leaves the
 * task as it is and fails the returned future, so the message is delivered again later.
 */
public final class ScanPipeline {
    private static final Logger log = LoggerFactory.getLogger(ScanPipeline.class);

    private final Jdbi jdbi;
    private final Executor db;
    private final Classifier classifier;
    private final RuleLookup rules;
    private final AnswerWriter answers;
    private final ScanRewards rewards;
    private final ScanProgress progress;
    private final ObjectMapper mapper;
    private final Duration stageTimeout;
    private final ScanMetrics metrics;

    public ScanPipeline(
            Jdbi jdbi,
            Executor db,
            Classifier classifier,
            RuleLookup rules,
            AnswerWriter answers,
            ScanRewards rewards,
            ScanProgress progress,
            ObjectMapper mapper,
            Duration stageTimeout,
            ScanMetrics metrics) {
        this.jdbi = jdbi;
        this.db = db;
        this.classifier = classifier;
        this.rules = rules;
        this.answers = answers;
        this.rewards = rewards;
        this.progress = progress;
        this.mapper = mapper;
        this.stageTimeout = stageTimeout;
        this.metrics = metrics;
    }

    public CompletableFuture<Void> run(UUID taskId) {
        return CompletableFuture.supplyAsync(() -> find(taskId), db).thenCompose(task -> {
            if (task.isEmpty() || task.get().finished()) return CompletableFuture.completedFuture(null);
            return advance(task.get());
        });
    }

    private CompletableFuture<Void> advance(ScanTask task) {
        CompletableFuture<ScanInput> input = CompletableFuture.supplyAsync(() -> input(task), db);
        CompletableFuture<Classification> vision = task.classification() != null
                ? CompletableFuture.completedFuture(read(task.classification(), Classification.class))
                : stage(() -> input.thenCompose(classifier::classify))
                        .thenApplyAsync(seen -> saved(task, seen, repo -> repo.saveVision(task.id(), json(seen))), db);
        CompletableFuture<ScanFacts> facts = vision.thenCompose(seen -> task.facts() != null
                ? CompletableFuture.completedFuture(read(task.facts(), ScanFacts.class))
                : stage(() -> rules.facts(seen, task.region()))
                        .thenApplyAsync(
                                found -> saved(task, found, repo -> repo.saveRule(task.id(), json(found))), db));
        CompletableFuture<String> answer = facts.thenCompose(found -> task.answer() != null
                ? CompletableFuture.completedFuture(task.answer())
                : stage(() -> input.thenCompose(in -> answers.write(in, vision.join(), found)))
                        .thenApplyAsync(text -> saved(task, text, repo -> repo.saveAnswer(task.id(), text)), db));
        return answer.thenApplyAsync(text -> reward(task, vision.join(), facts.join(), text), db)
                .handleAsync((finished, error) -> error == null ? null : failOrRetry(task, error), db);
    }

    private <T> CompletableFuture<T> stage(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> started;
        try {
            started = work.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.orTimeout(stageTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Void reward(ScanTask task, Classification seen, ScanFacts facts, String answer) {
        boolean paying = rewards.decidePaying(task, seen);
        progress.publish(task.id());
        var unlocked = rewards.unlock(task, seen, paying);
        String unlockedJson = unlocked.map(c -> json(ScanResult.character(c))).orElse(null);
        String result = json(ScanResult.of(seen, facts, answer, paying, unlocked));
        if (rewards.finish(task, seen, paying, unlockedJson, result)) {
            metrics.finished(task, "done", null);
            progress.publish(task.id());
        }
        return null;
    }

    /** A provider's failure ends the task; the database's leaves it for the next delivery. */
    private Void failOrRetry(ScanTask task, Throwable error) {
        UpstreamFailure failure = stageFailure(error);
        if (failure == null) throw new IllegalStateException("scan " + task.id() + " interrupted", error);
        int changed = jdbi.inTransaction(tx -> {
            ScanRepository repo = tx.attach(ScanRepository.class);
            repo.deleteImage(task.id());
            return repo.fail(task.id(), failure.code(), failure.getMessage());
        });
        if (changed == 1) {
            metrics.finished(task, "failed", failure.code());
            progress.publish(task.id());
        }
        return null;
    }

    private static UpstreamFailure stageFailure(Throwable error) {
        UpstreamFailure failure = UpstreamFailure.of(error, "The scan");
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof UpstreamFailure)) cause = cause.getCause();
        boolean database = cause instanceof org.jdbi.v3.core.ConnectionException
                || cause instanceof java.sql.SQLException
                || cause instanceof org.jdbi.v3.core.statement.StatementException;
        if (database) return null;
        if (!(cause instanceof UpstreamFailure) && failure.code().equals(UpstreamFailure.ERROR)) {
            log.error("scan stage failed unexpectedly", error);
        }
        return failure;
    }

    private <T> T saved(ScanTask task, T outcome, java.util.function.ToIntFunction<ScanRepository> update) {
        jdbi.useExtension(ScanRepository.class, update::applyAsInt);
        progress.publish(task.id());
        return outcome;
    }

    private Optional<ScanTask> find(UUID id) {
        return jdbi.withExtension(ScanRepository.class, repo -> repo.find(id));
    }

    private ScanInput input(ScanTask task) {
        if (!task.hasImage()) return new ScanInput(task.inputText(), task.region(), null, null);
        return jdbi.withExtension(
                ScanRepository.class,
                repo -> new ScanInput(
                        task.inputText(),
                        task.region(),
                        repo.imageBytes(task.id()).orElse(null),
                        repo.imageType(task.id()).orElse(null)));
    }

    private String json(Object value) {
        return Json.write(mapper, value);
    }

    private <T> T read(String json, Class<T> type) {
        return Json.read(mapper, json, type);
    }
}
