package eco2.location.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A WGS84 position. Searches round it to 4 decimals (about 11 m) so that equal questions share one cache entry. */
public record GeoPoint(double latitude, double longitude) {
    public static final int SEARCH_DECIMALS = 4;

    /** The point rounded to {@code decimals} places, half up. */
    public GeoPoint rounded(int decimals) {
        return new GeoPoint(round(latitude, decimals), round(longitude, decimals));
    }

    /** The coordinates as they appear in cache keys: fixed decimals, never "-0.0000". */
    public String key(int decimals) {
        return text(latitude, decimals) + ":" + text(longitude, decimals);
    }

    public double metresTo(double lat, double lon) {
        return Haversine.metres(latitude, longitude, lat, lon);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String text(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
