package eco2.my.points;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import eco2.my.profile.ProfileService;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code scan.completed} (10 points when it pays, and a scan activity either way) and {@code recycle.completed}
 * (50 points); the event id is the ledger source. Data that breaks the contract throws, so it is parked, not paid.
 */
public final class RewardsHandler implements EventHandler {
    public static final String SCAN_COMPLETED = ScanCompleted.TYPE;
    public static final String RECYCLE_COMPLETED = "recycle.completed";
    static final int RECYCLE_POINTS = 50;

    private final ScanRewardService scans;
    private final PointsService points;
    private final ProfileService profiles;

    public RewardsHandler(ScanRewardService scans, PointsService points, ProfileService profiles) {
        this.scans = scans;
        this.points = points;
        this.profiles = profiles;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        switch (event.type()) {
            case SCAN_COMPLETED -> scans.completed(transaction, event.id(), ScanCompleted.from(event.data()));
            case RECYCLE_COMPLETED -> recycled(transaction, event);
            default -> throw new IllegalArgumentException("not a reward event: " + event.type());
        }
    }

    private void recycled(Handle transaction, EventEnvelope event) {
        UUID userId = EventFields.of(RECYCLE_COMPLETED, event.data()).uuid("user_id");
        if (!profiles.ensureActive(transaction, userId, null)) return; // a deleted profile earns nothing more
        Map<String, Object> metadata = Map.of("event_id", event.id().toString());
        points.award(transaction, userId, RECYCLE_POINTS, "recycle", event.id(), metadata);
        transaction.afterCommit(() -> profiles.invalidate(userId));
    }
}
