package eco2.location.centers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a recycle_centers row (and distance_m when the query computed one) into the API shape. */
public final class CenterMapper implements RowMapper<Center> {
    @Override
    public Center map(ResultSet rs, StatementContext ctx) throws SQLException {
        String road = rs.getString("road_address");
        String lot = rs.getString("lot_address");
        OpeningHours hours = new OpeningHours(
                rs.getString("hours_mon"),
                rs.getString("hours_tue"),
                rs.getString("hours_wed"),
                rs.getString("hours_thu"),
                rs.getString("hours_fri"),
                rs.getString("hours_sat"),
                rs.getString("hours_sun"),
                rs.getString("hours_holiday"));
        double distance = hasDistance(rs) ? rs.getDouble("distance_m") : Double.NaN;
        return new Center(
                rs.getString("source") + ":" + rs.getString("source_id"),
                rs.getString("source"),
                rs.getString("name"),
                rs.getString("region"),
                rs.getString("district"),
                road != null ? road : lot,
                road,
                lot,
                rs.getString("location_detail"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getString("phone"),
                hours,
                items(rs.getArray("accepted_items")),
                rs.getString("notes"),
                rs.getString("homepage_url"),
                Double.isNaN(distance) ? null : distance);
    }

    private static List<String> items(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static boolean hasDistance(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) if ("distance_m".equals(meta.getColumnLabel(i))) return true;
        return false;
    }
}
