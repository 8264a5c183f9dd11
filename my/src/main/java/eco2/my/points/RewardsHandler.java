package eco2.my.points;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@code scan.completed} pays 10 points, {@code recycle.completed} 50; the event id is the ledger source. */
public final class RewardsHandler implements EventHandler {
    public static final String SCAN_COMPLETED = "scan.completed";
    public static final String RECYCLE_COMPLETED = "recycle.completed";
    static final Map<String, Integer> POINTS = Map.of(SCAN_COMPLETED, 10, RECYCLE_COMPLETED, 50);
    static final Map<String, String> REASONS = Map.of(SCAN_COMPLETED, "scan", RECYCLE_COMPLETED, "recycle");

    private final PointsService points;
    private final ProfileService profiles;

    public RewardsHandler(PointsService points, ProfileService profiles) {
        this.points = points;
        this.profiles = profiles;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        Integer delta = POINTS.get(event.type());
        if (delta == null) throw new IllegalArgumentException("not a reward event: " + event.type());
        UUID userId = UUID.fromString(event.data().path("user_id").asText());
        if (!profiles.ensureActive(transaction, userId, null)) return; // a deleted profile earns nothing more
        Map<String, Object> metadata = Map.of("event_id", event.id().toString());
        points.award(transaction, userId, delta, REASONS.get(event.type()), event.id(), metadata);
        transaction.afterCommit(() -> profiles.invalidate(userId));
    }
}
