package eco2.info.item;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps {@link ItemRepository#COLUMNS} by hand: JDBI's reflective constructor mapper matched column names for every
 * statement again, which was the largest share of a search's CPU in the JVM.
 */
public final class ItemMapper implements RowMapper<Item> {
    @Override
    public Item map(ResultSet rs, StatementContext ctx) throws SQLException {
        return item(rs);
    }

    /** The item in the current row; the columns must be named as in {@link ItemRepository#COLUMNS}. */
    public static Item item(ResultSet rs) throws SQLException {
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getString("category"),
                rs.getString("subcategory"),
                rs.getString("description"),
                strings(rs.getArray("how_to_recycle")),
                strings(rs.getArray("do_not_do")),
                strings(rs.getArray("tips")),
                strings(rs.getArray("images")),
                rs.getBoolean("recyclable"),
                strings(rs.getArray("search_keywords")));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
