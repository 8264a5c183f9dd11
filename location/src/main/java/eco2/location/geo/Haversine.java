package eco2.location.geo;

/**
 * Great-circle distance on a spherical Earth. {@link #SQL} is the same formula for PostgreSQL, so what the
 * database orders by and what Java computes (for Kakao results, tests) agree.
 */
public final class Haversine {
    /** The IUGG mean Earth radius, in metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Distance in metres from the point bound as {@code :lat}/{@code :lon} to the row's latitude/longitude. */
    public static final String SQL = "(6371008.8 * 2 * asin(least(1, sqrt("
            + "power(sin(radians(latitude - :lat) / 2), 2) "
            + "+ cos(radians(:lat)) * cos(radians(latitude)) * power(sin(radians(longitude - :lon) / 2), 2)))))";

    private Haversine() {}

    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
        double dLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double a = dLat * dLat + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * dLon * dLon;
        return EARTH_RADIUS_M * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Metres to one decimal, as responses carry them. */
    public static double rounded(double metres) {
        return Math.round(metres * 10) / 10.0;
    }
}
