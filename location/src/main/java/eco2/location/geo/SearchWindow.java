package eco2.location.geo;

/**
 * The index prefilter for "everything within r metres of a point": a latitude band and the longitude strips
 * ({@code lon_cell}, see the V1 migration) the circle touches. {@code cells} is null when the circle reaches a pole
 * or spans so many longitudes that a band alone is the better filter. Both ends of the antimeridian are covered
 * when the circle crosses it.
 */
public record SearchWindow(double minLat, double maxLat, int[] cells) {
    /** Strips per degree of longitude; must match {@code floor(longitude * 500)} in the migration. */
    public static final int CELLS_PER_DEGREE = 500;
    /** Above this many strips (several degrees of longitude, only near the poles) the band alone is used. */
    static final int MAX_CELLS = 1000;
    /** Keeps rows exactly on the edge inside despite rounding in the trigonometry. */
    private static final double MARGIN_DEG = 1e-6;

    public static SearchWindow around(GeoPoint centre, double radiusMetres) {
        double angular = radiusMetres / Haversine.EARTH_RADIUS_M;
        double delta = Math.toDegrees(angular) + MARGIN_DEG;
        double minLat = centre.latitude() - delta;
        double maxLat = centre.latitude() + delta;
        if (minLat <= -90 || maxLat >= 90) return new SearchWindow(Math.max(-90, minLat), Math.min(90, maxLat), null);
        // The widest longitude the circle reaches (it is wider than the centre's parallel suggests, away from the
        // equator).
        double ratio = Math.sin(angular) / Math.cos(Math.toRadians(centre.latitude()));
        if (ratio >= 1) return new SearchWindow(minLat, maxLat, null);
        double spread = Math.toDegrees(Math.asin(ratio)) + MARGIN_DEG;
        int[] cells = cells(centre.longitude() - spread, centre.longitude() + spread);
        return new SearchWindow(minLat, maxLat, cells);
    }

    public boolean allLongitudes() {
        return cells == null;
    }

    static int cell(double longitude) {
        return (int) Math.floor(longitude * CELLS_PER_DEGREE);
    }

    /** The strips of [west, east]; a range past ±180 wraps to the other end. Null when there are too many. */
    private static int[] cells(double west, double east) {
        if (east - west >= 360) return null;
        if (west < -180) return join(range(west + 360, 180), range(-180, east));
        if (east > 180) return join(range(west, 180), range(-180, east - 360));
        return limit(range(west, east));
    }

    private static int[] range(double west, double east) {
        int first = cell(Math.max(-180, west));
        int last = cell(Math.min(180, east));
        int[] cells = new int[Math.max(0, last - first + 1)];
        for (int i = 0; i < cells.length; i++) cells[i] = first + i;
        return cells;
    }

    private static int[] join(int[] a, int[] b) {
        int[] all = new int[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return limit(all);
    }

    private static int[] limit(int[] cells) {
        return cells.length > MAX_CELLS ? null : cells;
    }
}
