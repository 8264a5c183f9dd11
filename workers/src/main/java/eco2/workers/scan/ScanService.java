package eco2.workers.scan;

import eco2.common.error.Conflict;
import eco2.common.error.NotFound;
import eco2.common.events.OutboxWriter;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts scans: the task, its image and {@code scan.requested} commit together. With an Idempotency-Key the
 * claim commits with them too, so of concurrent duplicates exactly one creates a task and the others get it.
 */
public final class ScanService {
    private final Jdbi jdbi;
    private final OutboxWriter outbox;

    public ScanService(Jdbi jdbi, OutboxWriter outbox) {
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    /** The task id (new, or the earlier one for a repeated key and body). */
    public UUID submit(Caller caller, Submission scan) {
        String key = scan.idempotencyKey();
        if (key != null) jdbi.useExtension(IdempotencyRepository.class, repo -> repo.releaseExpired(caller.id(), key));
        UUID taskId = UUID.randomUUID();
        boolean created = jdbi.inTransaction(tx -> {
            ScanRepository tasks = tx.attach(ScanRepository.class);
            tasks.insert(taskId, caller.userId(), caller.id(), scan.text(), scan.region(), scan.image() != null);
            if (scan.image() != null) tasks.insertImage(taskId, scan.imageType(), scan.image());
            if (key != null
                    && tx.attach(IdempotencyRepository.class).claim(caller.id(), key, scan.fingerprint(), taskId)
                            == 0) {
                tx.rollback();
                return false;
            }
            outbox.append(tx, ScanConsumer.REQUESTED, Map.of("task_id", taskId.toString()));
            return true;
        });
        if (created) return taskId;
        IdempotencyRepository.Claim claim = jdbi.withExtension(
                        IdempotencyRepository.class, repo -> repo.find(caller.id(), key))
                .orElseThrow(() -> new Conflict("This Idempotency-Key is being used by another request; retry"));
        if (!claim.requestHash().equals(scan.fingerprint())) {
            throw new Conflict("This Idempotency-Key was used with a different request body");
        }
        return claim.taskId();
    }

    /** The caller's own task; anyone else's is 404, as if it did not exist. */
    public ScanTask find(Caller caller, UUID taskId) {
        return jdbi.withExtension(ScanRepository.class, repo -> repo.find(taskId))
                .filter(task -> task.caller().equals(caller.id()))
                .orElseThrow(() -> new NotFound("No such scan task"));
    }
}
