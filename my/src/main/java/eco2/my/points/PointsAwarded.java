package eco2.my.points;

import java.util.UUID;

/** Data of the {@code points.awarded} event. */
public record PointsAwarded(UUID userId, int delta, String reason, long points, int level, boolean levelUp) {
    public static final String TYPE = "points.awarded";
}
