package eco2.location.bins;

import eco2.location.geo.Haversine;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL for locations.recycle_bins. The nearby queries run through {@link BinSearch}, JDBI's fluent API, because
 * SqlObject's per-call set-up was most of their cost; they are public so the query-plan test explains the real thing.
 */
public interface BinRepository {
    String SELECT_NEAR = "SELECT id, name, address, latitude, longitude, bin_type, region, "
            + "round(CAST(d AS numeric), 1) AS distance_m FROM (SELECT id, name, address, latitude, longitude, bin_type, "
            + "region, " + Haversine.SQL + " AS d FROM recycle_bins WHERE latitude BETWEEN :minLat AND :maxLat ";
    String FILTER_AND_ORDER = "AND (CAST(:type AS text) IS NULL OR bin_type = :type)) near "
            + "WHERE d <= :radius ORDER BY d, id LIMIT :limit";
    /** Within the longitude strips of the search window. */
    String NEAR_IN_CELLS = SELECT_NEAR + "AND lon_cell = ANY(:cells) " + FILTER_AND_ORDER;
    /** Near a pole, where the window spans every longitude: the latitude band alone. */
    String NEAR_IN_BAND = SELECT_NEAR + FILTER_AND_ORDER;

    /** Insert or update by (source, source_id); empty when the row exists and nothing changed, else true = inserted. */
    @SqlQuery("INSERT INTO recycle_bins (source, source_id, name, address, latitude, longitude, bin_type, region) "
            + "VALUES (:b.source, :b.sourceId, :b.name, :b.address, :b.latitude, :b.longitude, :b.binType, :b.region) "
            + "ON CONFLICT (source, source_id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, "
            + "latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, bin_type = EXCLUDED.bin_type, "
            + "region = EXCLUDED.region, updated_at = now() "
            + "WHERE (recycle_bins.name, recycle_bins.address, recycle_bins.latitude, recycle_bins.longitude, "
            + "recycle_bins.bin_type, recycle_bins.region) IS DISTINCT FROM "
            + "(EXCLUDED.name, EXCLUDED.address, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.bin_type, EXCLUDED.region) "
            + "RETURNING (xmax = 0) AS inserted")
    Optional<Boolean> upsert(@BindMethods("b") BinRow bin);

    /** For the admin stats. */
    @SqlQuery("SELECT count(*) FROM recycle_bins")
    long countAll();
}
