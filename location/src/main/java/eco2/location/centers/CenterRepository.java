package eco2.location.centers;

import eco2.location.geo.Haversine;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for locations.recycle_centers. Nearby search works like bins (see the V1 migration). */
@RegisterRowMapper(CenterMapper.class)
public interface CenterRepository {
    String COLUMNS = "source, source_id, name, region, district, road_address, lot_address, location_detail, latitude, "
            + "longitude, phone, hours_mon, hours_tue, hours_wed, hours_thu, hours_fri, hours_sat, hours_sun, hours_holiday, "
            + "accepted_items, notes, homepage_url";
    /** Case-insensitive substring of any accepted item, so "페트" finds "투명페트병". */
    String ITEM = "(CAST(:item AS text) IS NULL OR EXISTS (SELECT 1 FROM unnest(accepted_items) AS i "
            + "WHERE strpos(lower(i), lower(:item)) > 0))";

    String SELECT_NEAR = "SELECT " + COLUMNS + ", round(CAST(d AS numeric), 1) AS distance_m FROM (SELECT id, "
            + COLUMNS + ", " + Haversine.SQL
            + " AS d FROM recycle_centers WHERE latitude BETWEEN :minLat AND :maxLat AND " + ITEM + " ";
    String ORDER_NEAR = ") near WHERE d <= :radius ORDER BY d, id LIMIT :limit";
    String REGION = "(CAST(:province AS text) IS NULL OR region = :province) "
            + "AND (cardinality(CAST(:districts AS text[])) = 0 OR district = ANY(:districts)) AND " + ITEM;

    /** The data columns, old and new, to tell an unchanged row (no update, no count) from a changed one. */
    String OLD = "recycle_centers.name, recycle_centers.region, recycle_centers.district, "
            + "recycle_centers.road_address, recycle_centers.lot_address, "
            + "recycle_centers.location_detail, recycle_centers.latitude, "
            + "recycle_centers.longitude, recycle_centers.phone, recycle_centers.hours_mon, "
            + "recycle_centers.hours_tue, recycle_centers.hours_wed, "
            + "recycle_centers.hours_thu, recycle_centers.hours_fri, "
            + "recycle_centers.hours_sat, recycle_centers.hours_sun, "
            + "recycle_centers.hours_holiday, recycle_centers.accepted_items, "
            + "recycle_centers.notes, recycle_centers.homepage_url";

    String NEW = "EXCLUDED.name, EXCLUDED.region, EXCLUDED.district, EXCLUDED.road_address, "
            + "EXCLUDED.lot_address, EXCLUDED.location_detail, EXCLUDED.latitude, "
            + "EXCLUDED.longitude, EXCLUDED.phone, EXCLUDED.hours_mon, EXCLUDED.hours_tue, "
            + "EXCLUDED.hours_wed, EXCLUDED.hours_thu, EXCLUDED.hours_fri, EXCLUDED.hours_sat, "
            + "EXCLUDED.hours_sun, EXCLUDED.hours_holiday, EXCLUDED.accepted_items, "
            + "EXCLUDED.notes, EXCLUDED.homepage_url";

    @SqlQuery(SELECT_NEAR + "AND lon_cell = ANY(:cells)" + ORDER_NEAR)
    List<Center> nearInCells(
            @Bind("lat") double lat,
            @Bind("lon") double lon,
            @Bind("minLat") double minLat,
            @Bind("maxLat") double maxLat,
            @Bind("cells") int[] cells,
            @Bind("item") String item,
            @Bind("radius") double radius,
            @Bind("limit") int limit);

    @SqlQuery(SELECT_NEAR + ORDER_NEAR)
    List<Center> nearInBand(
            @Bind("lat") double lat,
            @Bind("lon") double lon,
            @Bind("minLat") double minLat,
            @Bind("maxLat") double maxLat,
            @Bind("item") String item,
            @Bind("radius") double radius,
            @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM recycle_centers WHERE " + REGION
            + " ORDER BY region, district, name, id LIMIT :size OFFSET :offset")
    List<Center> inRegion(
            @Bind("province") String province,
            @Bind("districts") String[] districts,
            @Bind("item") String item,
            @Bind("size") int size,
            @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM recycle_centers WHERE " + REGION)
    long countInRegion(
            @Bind("province") String province, @Bind("districts") String[] districts, @Bind("item") String item);

    /** Insert or update by (source, source_id); empty when the row exists unchanged, else true = inserted. */
    @SqlQuery("INSERT INTO recycle_centers (" + COLUMNS + ") VALUES (:c.source, :c.sourceId, :c.name, :c.region, "
            + ":c.district, :c.roadAddress, :c.lotAddress, :c.locationDetail, :c.latitude, :c.longitude, :c.phone, "
            + ":h.mon, :h.tue, :h.wed, :h.thu, :h.fri, :h.sat, :h.sun, :h.holiday, :c.acceptedItemsArray, :c.notes, "
            + ":c.homepageUrl) ON CONFLICT (source, source_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, "
            + "district = EXCLUDED.district, road_address = EXCLUDED.road_address, lot_address = EXCLUDED.lot_address, "
            + "location_detail = EXCLUDED.location_detail, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, "
            + "phone = EXCLUDED.phone, hours_mon = EXCLUDED.hours_mon, hours_tue = EXCLUDED.hours_tue, "
            + "hours_wed = EXCLUDED.hours_wed, hours_thu = EXCLUDED.hours_thu, hours_fri = EXCLUDED.hours_fri, "
            + "hours_sat = EXCLUDED.hours_sat, hours_sun = EXCLUDED.hours_sun, hours_holiday = EXCLUDED.hours_holiday, "
            + "accepted_items = EXCLUDED.accepted_items, notes = EXCLUDED.notes, homepage_url = EXCLUDED.homepage_url, "
            + "updated_at = now() WHERE (" + OLD + ") IS DISTINCT FROM (" + NEW + ") RETURNING (xmax = 0) AS inserted")
    Optional<Boolean> upsert(@BindMethods("c") CenterRow center, @BindMethods("h") OpeningHours hours);

    /** For the admin stats. */
    @SqlQuery("SELECT count(*) FROM recycle_centers")
    long countAll();
}
