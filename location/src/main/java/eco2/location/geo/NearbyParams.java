package eco2.location.geo;

import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Reads {@code lat}, {@code lon}, {@code radius} and {@code limit} strictly, adding one error per bad field. Only
 * plain decimals are numbers here: Java would also accept "NaN", "1e400" or "37.5d".
 */
public final class NearbyParams {
    public static final int DEFAULT_RADIUS = 1000;
    public static final int MAX_RADIUS = 20_000;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{1,17})?|\\.\\d{1,17})");

    private NearbyParams() {}

    /** The search centre; null (with errors added) when lat or lon is missing or bad. */
    public static GeoPoint point(Context ctx, FieldErrors errors) {
        Double lat = coordinate(ctx, "lat", 90, errors);
        Double lon = coordinate(ctx, "lon", 180, errors);
        return lat == null || lon == null ? null : new GeoPoint(lat, lon);
    }

    public static int radius(Context ctx, FieldErrors errors) {
        return QueryParams.intInRange(ctx, "radius", DEFAULT_RADIUS, 1, MAX_RADIUS, errors);
    }

    public static int limit(Context ctx, FieldErrors errors) {
        return QueryParams.intInRange(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
    }

    /** True when the request names either coordinate, e.g. to tell a nearby search from a region listing. */
    public static boolean present(Context ctx) {
        return ctx.queryParam("lat") != null || ctx.queryParam("lon") != null;
    }

    private static Double coordinate(Context ctx, String name, double bound, FieldErrors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            errors.add(name, "is required");
            return null;
        }
        if (!DECIMAL.matcher(text.trim()).matches()) {
            errors.add(name, "must be a decimal number");
            return null;
        }
        double value = Double.parseDouble(text.trim());
        if (value < -bound || value > bound) {
            errors.add(name, "must be between " + (int) -bound + " and " + (int) bound);
            return null;
        }
        return value;
    }
}
