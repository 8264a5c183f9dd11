package eco2.my.points;

import eco2.my.activity.ActivityService;
import eco2.my.profile.ProfileService;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A completed scan on the profile: 10 points through the ledger when it pays, and either way exactly one
 * {@code scan} activity and one more {@code total_scans}, so the counter is every scan, not every paid one.
 */
public final class ScanRewardService {
    public static final int SCAN_POINTS = 10;

    private final PointsService points;
    private final ActivityService activities;
    private final ProfileService profiles;

    public ScanRewardService(PointsService points, ActivityService activities, ProfileService profiles) {
        this.points = points;
        this.activities = activities;
        this.profiles = profiles;
    }

    /** In the consumer's transaction, whose processed_events row makes a redelivered event a no-op. */
    public void completed(Handle transaction, UUID eventId, ScanCompleted scan) {
        UUID userId = scan.userId();
        if (!profiles.ensureActive(transaction, userId, null)) return; // a deleted profile earns nothing more
        if (scan.paying()) {
            // The ledger entry also counts the scan and writes its activity; the event id keys it, so it pays once.
            points.award(transaction, userId, SCAN_POINTS, "scan", eventId, scan.metadata(eventId));
        } else {
            transaction.attach(PointsRepository.class).countUnpaidScan(userId);
            activities.record(transaction, userId, "scan", 0, scan.metadata(eventId));
        }
        transaction.afterCommit(() -> profiles.invalidate(userId));
    }
}
