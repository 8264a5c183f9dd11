package eco2.location.bins;

import eco2.location.geo.ExpandingSearch;
import eco2.location.geo.GeoPoint;
import eco2.location.geo.SearchWindow;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The nearest bins to a point, straight from PostgreSQL: every window of the {@link ExpandingSearch} runs on one
 * handle. This is the hot path of GET /bins with the cache off, so it binds by name on JDBI's fluent API and maps
 * with {@link BinMapper} instead of going through a SqlObject proxy.
 */
final class BinSearch {
    private final Jdbi jdbi;

    BinSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Bin> nearest(GeoPoint centre, int radius, BinType type, int limit) {
        String typeName = type == null ? null : type.wire();
        return jdbi.withHandle(handle -> ExpandingSearch.nearest(
                radius,
                limit,
                window -> within(handle, centre, SearchWindow.around(centre, window), window, typeName, limit)));
    }

    private static List<Bin> within(
            Handle handle, GeoPoint centre, SearchWindow box, double radius, String type, int limit) {
        var query = handle.createQuery(box.allLongitudes() ? BinRepository.NEAR_IN_BAND : BinRepository.NEAR_IN_CELLS);
        if (!box.allLongitudes()) query.bind("cells", box.cells());
        return query.bind("lat", centre.latitude())
                .bind("lon", centre.longitude())
                .bind("minLat", box.minLat())
                .bind("maxLat", box.maxLat())
                .bind("type", type)
                .bind("radius", radius)
                .bind("limit", limit)
                .map(BinMapper.INSTANCE)
                .list();
    }
}
