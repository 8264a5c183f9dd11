package eco2.location.geo;

/** The plausibility rules coordinates from users and imported files must pass. */
public final class Coordinates {
    /** A rough box around South Korea, islands included (Marado to Goseong, Baengnyeong to Dokdo). */
    public static final double KOREA_MIN_LAT = 33.0;

    public static final double KOREA_MAX_LAT = 38.7;
    public static final double KOREA_MIN_LON = 124.5;
    public static final double KOREA_MAX_LON = 132.0;

    private Coordinates() {}

    public static boolean validLatitude(double latitude) {
        return !Double.isNaN(latitude) && latitude >= -90 && latitude <= 90;
    }

    public static boolean validLongitude(double longitude) {
        return !Double.isNaN(longitude) && longitude >= -180 && longitude <= 180;
    }

    /** Why an imported position cannot be a Korean recycling site, or null when it can. */
    public static String importProblem(double latitude, double longitude) {
        if (!validLatitude(latitude)) return "latitude " + latitude + " is outside -90..90";
        if (!validLongitude(longitude)) return "longitude " + longitude + " is outside -180..180";
        if (latitude == 0 && longitude == 0) return "0,0 is a placeholder, not a location";
        if (latitude < KOREA_MIN_LAT
                || latitude > KOREA_MAX_LAT
                || longitude < KOREA_MIN_LON
                || longitude > KOREA_MAX_LON) {
            return "latitude " + latitude + ", longitude " + longitude + " lies outside South Korea (" + KOREA_MIN_LAT
                    + ".." + KOREA_MAX_LAT + "N, " + KOREA_MIN_LON + ".." + KOREA_MAX_LON + "E)";
        }
        return null;
    }
}
