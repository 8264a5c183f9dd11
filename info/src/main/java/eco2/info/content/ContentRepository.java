package eco2.info.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL the content loader runs. Curated rows carry the fingerprint of their file entry in content_hash; a row whose
 * content_hash is NULL belongs to admins (created or edited through the API) and is never overwritten or deleted here.
 */
public interface ContentRepository {
    /** Serialises loaders of several instances starting at once; released when the transaction ends. */
    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('recycle_info.content'))")
    int lock();

    @SqlQuery("SELECT hash FROM content_state")
    Optional<String> loadedHash();

    @SqlUpdate("INSERT INTO content_state (hash) VALUES (:hash) "
            + "ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, loaded_at = now()")
    void saveHash(@Bind("hash") String hash);

    @SqlUpdate("INSERT INTO categories (key, name, name_en, icon, description, display_order) "
            + "VALUES (:c.key, :c.name, :c.nameEn, :c.icon, :c.description, :c.displayOrder) "
            + "ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, icon = EXCLUDED.icon, "
            + "description = EXCLUDED.description, display_order = EXCLUDED.display_order, updated_at = now()")
    void upsertCategory(@BindMethods("c") Content.Category category);

    /** The item's id when it was inserted or rewritten; empty when it was unchanged or belongs to admins. */
    @SqlQuery("INSERT INTO items (slug, name, name_en, category, subcategory, description, how_to_recycle, do_not_do, "
            + "tips, images, recyclable, search_keywords, content_hash) VALUES (:i.slug, :i.name, :i.nameEn, :i.category, "
            + ":i.subcategory, :i.description, :i.howToRecycle, :i.doNotDo, :i.tips, :i.images, :i.recyclable, "
            + ":i.searchKeywords, :hash) "
            + "ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, "
            + "category = EXCLUDED.category, subcategory = EXCLUDED.subcategory, description = EXCLUDED.description, "
            + "how_to_recycle = EXCLUDED.how_to_recycle, do_not_do = EXCLUDED.do_not_do, tips = EXCLUDED.tips, "
            + "images = EXCLUDED.images, recyclable = EXCLUDED.recyclable, search_keywords = EXCLUDED.search_keywords, "
            + "content_hash = EXCLUDED.content_hash, updated_at = now() "
            + "WHERE items.content_hash IS NOT NULL AND items.content_hash <> EXCLUDED.content_hash RETURNING id")
    Optional<UUID> upsertItem(@BindMethods("i") Content.Item item, @Bind("hash") String hash);

    /** Curated items whose entry left the files. */
    @SqlQuery("DELETE FROM items WHERE content_hash IS NOT NULL AND slug <> ALL (:slugs) RETURNING id")
    List<UUID> deleteItemsNotIn(@Bind("slugs") List<String> slugs);

    /** Rewrites the text of changed questions; view and helpful counts stay. */
    @SqlUpdate("INSERT INTO faqs (slug, category, question, answer, display_order, content_hash) "
            + "VALUES (:f.slug, :f.category, :f.question, :f.answer, :f.displayOrder, :hash) "
            + "ON CONFLICT (slug) DO UPDATE SET category = EXCLUDED.category, question = EXCLUDED.question, "
            + "answer = EXCLUDED.answer, display_order = EXCLUDED.display_order, content_hash = EXCLUDED.content_hash, "
            + "updated_at = now() WHERE faqs.content_hash IS NOT NULL AND faqs.content_hash <> EXCLUDED.content_hash")
    int upsertFaq(@BindMethods("f") Content.Faq faq, @Bind("hash") String hash);

    @SqlUpdate("DELETE FROM faqs WHERE content_hash IS NOT NULL AND slug <> ALL (:slugs)")
    int deleteFaqsNotIn(@Bind("slugs") List<String> slugs);

    @SqlUpdate(
            "INSERT INTO regional_rules (region, name, aliases, lookup_names, volume_bag, food_methods, food_details, "
                    + "large_waste, recyclables, schedule_note, districts, source, source_updated_at) VALUES (:r.region, :r.name, "
                    + ":r.aliases, :lookupNames, :r.volumeBag, :methods, :details, :r.largeWaste, :r.recyclables, :r.scheduleNote, "
                    + ":r.districts, :r.source, :r.updatedAt) "
                    + "ON CONFLICT (region) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, "
                    + "lookup_names = EXCLUDED.lookup_names, volume_bag = EXCLUDED.volume_bag, food_methods = EXCLUDED.food_methods, "
                    + "food_details = EXCLUDED.food_details, large_waste = EXCLUDED.large_waste, "
                    + "recyclables = EXCLUDED.recyclables, schedule_note = EXCLUDED.schedule_note, districts = EXCLUDED.districts, "
                    + "source = EXCLUDED.source, source_updated_at = EXCLUDED.source_updated_at, loaded_at = now()")
    void upsertRegion(
            @BindMethods("r") Content.Region region,
            @Bind("lookupNames") List<String> lookupNames,
            @Bind("methods") List<String> foodMethods,
            @Bind("details") String foodDetails);

    @SqlUpdate("DELETE FROM regional_rules WHERE region <> ALL (:regions)")
    int deleteRegionsNotIn(@Bind("regions") List<String> regions);

    @SqlQuery("SELECT DISTINCT unnest(lookup_names) FROM regional_rules")
    List<String> regionLookupNames();
}
