package eco2.location.bins;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a nearby-search row by column position. Hand-written because JDBI's constructor mapper inspects the result
 * metadata and reflects on {@link Bin} for every statement, which cost more CPU than PostgreSQL spent on the query.
 */
final class BinMapper implements RowMapper<Bin> {
    static final BinMapper INSTANCE = new BinMapper();

    private BinMapper() {}

    @Override
    public Bin map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Bin(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getString(6),
                rs.getString(7),
                rs.getDouble(8));
    }
}
