package eco2.info.item;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for recycle_info.items (item_terms follow by trigger). */
@RegisterRowMapper(ItemMapper.class)
public interface ItemRepository {
    String COLUMNS = "id, slug, name, name_en, category, subcategory, description, how_to_recycle, do_not_do, tips, "
            + "images, recyclable, search_keywords";
    String VALUES = ":i.name, :i.nameEn, :i.category, :i.subcategory, :i.description, :i.howToRecycle, :i.doNotDo, "
            + ":i.tips, :i.images, :i.recyclable, :i.searchKeywords";

    @SqlQuery("SELECT " + COLUMNS + " FROM items WHERE id = :id")
    Optional<Item> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM items ORDER BY name, id LIMIT :limit OFFSET :offset")
    List<Item> page(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT " + COLUMNS + " FROM items WHERE category = :category "
            + "ORDER BY name, id LIMIT :limit OFFSET :offset")
    List<Item> pageOf(@Bind("category") String category, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM items")
    long count();

    @SqlQuery("SELECT count(*) FROM items WHERE category = :category")
    long countOf(@Bind("category") String category);

    /** Empty when the slug is taken. */
    @SqlQuery("INSERT INTO items (slug, name, name_en, category, subcategory, description, how_to_recycle, do_not_do, "
            + "tips, images, recyclable, search_keywords) VALUES (:slug, " + VALUES + ") "
            + "ON CONFLICT (slug) DO NOTHING RETURNING " + COLUMNS)
    Optional<Item> insert(@Bind("slug") String slug, @BindMethods("i") ItemInput input);

    /**
     * Replaces every field; the slug stays unless one is given. The edit makes the item the admins' (content_hash
     * NULL), so the content loader never overwrites it. Empty when there is no such item.
     */
    @SqlQuery("UPDATE items SET slug = COALESCE(:i.slug, slug), name = :i.name, name_en = :i.nameEn, "
            + "category = :i.category, subcategory = :i.subcategory, description = :i.description, "
            + "how_to_recycle = :i.howToRecycle, do_not_do = :i.doNotDo, tips = :i.tips, images = :i.images, "
            + "recyclable = :i.recyclable, search_keywords = :i.searchKeywords, content_hash = NULL, updated_at = now() "
            + "WHERE id = :id RETURNING " + COLUMNS)
    Optional<Item> update(@Bind("id") UUID id, @BindMethods("i") ItemInput input);

    @SqlUpdate("DELETE FROM items WHERE id = :id")
    int delete(@Bind("id") UUID id);
}
