package eco2.common.admin;

import eco2.common.events.OutboxRepository;
import java.util.List;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * One service's admin view of itself: its outbox backlog, its dead letters and its counts. The same class serves
 * every service; what differs is handed in (the queues it consumes, the schemas with an outbox, its counts).
 */
public final class AdminService {
    private final String service;
    private final DeadLetters deadLetters;
    private final List<Jdbi> outboxes;
    private final AdminCounts counts;

    /** {@code outboxes}: a JDBI per schema with an {@code outbox} table (none for a service that never publishes). */
    public AdminService(String service, DeadLetters deadLetters, List<Jdbi> outboxes, AdminCounts counts) {
        this.service = service;
        this.deadLetters = deadLetters;
        this.outboxes = List.copyOf(outboxes);
        this.counts = counts;
    }

    public AdminStats stats() {
        long backlog = 0;
        for (Jdbi outbox : outboxes)
            backlog += outbox.withExtension(OutboxRepository.class, OutboxRepository::countPending);
        return new AdminStats(service, backlog, deadLetters.depths(), new TreeMap<>(counts.counts()));
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
