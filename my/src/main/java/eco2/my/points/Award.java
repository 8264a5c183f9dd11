package eco2.my.points;

import java.util.UUID;

/** The result of paying points: the new balance and level, and whether this payment crossed a level. */
public record Award(UUID userId, int pointsEarned, long points, int level, boolean leveledUp) {}
