package eco2.location.geo;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Finds the nearest {@code limit} rows within a radius by asking first within a small circle and widening it
 * only when that circle holds fewer than {@code limit} rows. In a dense city the first, cheap query is usually
 * enough; the answer is always what one query over the full radius would give, because a circle that already
 * holds {@code limit} rows ordered by distance contains the nearest ones.
 */
public final class ExpandingSearch {
    /** The first circle: in Seoul-like density it already holds a page of results. */
    static final double FIRST_RADIUS_M = 250;

    private static final double GROWTH = 4;

    private ExpandingSearch() {}

    /** {@code query} returns up to {@code limit} rows within the radius it is given, nearest first. */
    public static <T> List<T> nearest(double radiusMetres, int limit, DoubleFunction<List<T>> query) {
        double window = Math.min(radiusMetres, FIRST_RADIUS_M);
        while (true) {
            List<T> found = query.apply(window);
            if (found.size() >= limit || window >= radiusMetres) return found;
            window = Math.min(radiusMetres, window * GROWTH);
        }
    }
}
