package eco2.my.points;

/** Body of GET /me/points, and what {@code user:points:{id}} holds. */
public record PointsView(long points, int level, Long nextLevelAt) {}
