package eco2.info.category;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for recycle_info.categories. */
@RegisterConstructorMapper(Category.class)
public interface CategoryRepository {
    @SqlQuery("SELECT c.key, c.name, c.name_en, c.icon, c.display_order, c.description, "
            + "(SELECT count(*) FROM items i WHERE i.category = c.key) AS item_count "
            + "FROM categories c ORDER BY c.display_order, c.key")
    List<Category> listWithCounts();

    @SqlQuery("SELECT key FROM categories ORDER BY display_order, key")
    List<String> keys();
}
