package eco2.common.admin;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET <prefix>/admin/stats} answers: unpublished outbox rows, each dead-letter queue's depth (null while
 * the broker cannot be reached), and the service's own counts.
 */
public record AdminStats(String service, long outboxBacklog, List<QueueDepth> deadLetters, Map<String, Long> counts) {
    /** A consumer queue and how many messages wait in its {@code <queue>.dlq}. */
    public record QueueDepth(String queue, Long depth) {}
}
