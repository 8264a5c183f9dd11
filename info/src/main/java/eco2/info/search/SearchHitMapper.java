package eco2.info.search;

import eco2.info.item.Item;
import eco2.info.item.ItemMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** An item row plus its score column, mapped by hand like {@link ItemMapper}. */
public final class SearchHitMapper implements RowMapper<SearchHit> {
    @Override
    public SearchHit map(ResultSet rs, StatementContext ctx) throws SQLException {
        Item i = ItemMapper.item(rs);
        return new SearchHit(
                i.id(),
                i.slug(),
                i.name(),
                i.nameEn(),
                i.category(),
                i.subcategory(),
                i.description(),
                i.howToRecycle(),
                i.doNotDo(),
                i.tips(),
                i.images(),
                i.recyclable(),
                i.searchKeywords(),
                rs.getDouble("score"));
    }
}
