package eco2.workers.scan;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** After each stored step: the task's state as stored, turned into its events and sent to every open stream. */
public final class ScanProgress {
    private final Jdbi jdbi;
    private final ScanEventIds ids;
    private final ScanEventBus bus;

    public ScanProgress(Jdbi jdbi, ScanEventIds ids, ScanEventBus bus) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.bus = bus;
    }

    public void publish(UUID taskId) {
        jdbi.withExtension(ScanRepository.class, repo -> repo.find(taskId))
                .ifPresent(task -> bus.publish(taskId, ids.of(task)));
    }
}
