package eco2.my.points;

/** The level table from API.md: 1 is 0-100 points, 2 is 101-300, 3 is 301-600, 4 is 601-1000, 5 is 1001+. */
public final class Levels {
    private static final long[] MIN_POINTS = {0, 101, 301, 601, 1001};

    private Levels() {}

    public static int of(long points) {
        int level = 1;
        for (int i = 1; i < MIN_POINTS.length; i++) if (points >= MIN_POINTS[i]) level = i + 1;
        return level;
    }

    public static long minPoints(int level) {
        return MIN_POINTS[level - 1];
    }

    /** The last point of a level, or null for the top level. */
    public static Long maxPoints(int level) {
        return level >= MIN_POINTS.length ? null : MIN_POINTS[level] - 1;
    }

    /** Where the next level starts, or null at the top. */
    public static Long nextLevelAt(long points) {
        int level = of(points);
        return level >= MIN_POINTS.length ? null : MIN_POINTS[level];
    }

    /** 0.0 at the bottom of the level, approaching 1.0 at its top; 1.0 at the top level. */
    public static double progress(long points) {
        int level = of(points);
        Long max = maxPoints(level);
        if (max == null) return 1.0;
        long min = minPoints(level);
        return Math.round((double) (points - min) / (max + 1 - min) * 1000) / 1000.0;
    }
}
