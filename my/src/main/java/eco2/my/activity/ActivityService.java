package eco2.my.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The activity feed: rows written inside the transaction of what they record, and pages of the caller's feed. */
public final class ActivityService {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public ActivityService(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** One feed item as the API shows it. */
    public record Activity(UUID id, String action, int pointsEarned, JsonNode metadata, Instant createdAt) {}

    /** A page of the feed; {@code nextCursor} is null on the last page. */
    public record Page(List<Activity> items, String nextCursor) {}

    /** One feed entry, committed or rolled back with the change it records. */
    public void record(Handle handle, UUID userId, String action, int pointsEarned, Map<String, ?> metadata) {
        handle.attach(ActivityRepository.class)
                .add(UUID.randomUUID(), userId, action, pointsEarned, Json.write(mapper, metadata));
    }

    public Page page(UUID userId, int limit, FeedCursor after) {
        // One extra row says whether another page exists, without a count query.
        List<ActivityRow> rows = jdbi.withExtension(
                ActivityRepository.class,
                repo -> after == null
                        ? repo.firstPage(userId, limit + 1)
                        : repo.pageAfter(userId, after.createdAt(), after.id(), limit + 1));
        boolean more = rows.size() > limit;
        List<ActivityRow> shown = more ? rows.subList(0, limit) : rows;
        ActivityRow last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Page(
                shown.stream().map(this::toActivity).toList(),
                more ? new FeedCursor(last.createdAt(), last.id()).encode() : null);
    }

    private Activity toActivity(ActivityRow row) {
        try {
            return new Activity(
                    row.id(), row.action(), row.pointsEarned(), mapper.readTree(row.metadata()), row.createdAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity " + row.id() + " has unreadable metadata", e);
        }
    }
}
