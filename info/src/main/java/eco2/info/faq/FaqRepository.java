package eco2.info.faq;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for recycle_info.faqs and faq_helpful. */
@RegisterConstructorMapper(Faq.class)
public interface FaqRepository {
    String COLUMNS = "id, slug, category, question, answer, display_order, view_count, helpful_count";
    String IN_CATEGORY = "(CAST(:category AS text) IS NULL OR category = CAST(:category AS text))";

    @SqlQuery(
            "SELECT " + COLUMNS + " FROM faqs WHERE " + IN_CATEGORY + " ORDER BY <orderBy> LIMIT :limit OFFSET :offset")
    List<Faq> page(
            @Bind("category") String category,
            @Define("orderBy") String orderBy,
            @Bind("limit") int limit,
            @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM faqs WHERE " + IN_CATEGORY)
    long count(@Bind("category") String category);

    /** Counts a view and returns the question with the new count, in one atomic statement. */
    @SqlQuery("UPDATE faqs SET view_count = view_count + 1 WHERE id = :id RETURNING " + COLUMNS)
    Optional<Faq> view(@Bind("id") UUID id);

    /** 1 when the vote is new; 0 when this user already voted or there is no such question. */
    @SqlUpdate("INSERT INTO faq_helpful (user_id, faq_id) SELECT :userId, id FROM faqs WHERE id = :id "
            + "ON CONFLICT ON CONSTRAINT faq_helpful_once DO NOTHING")
    int vote(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery("UPDATE faqs SET helpful_count = helpful_count + 1 WHERE id = :id RETURNING " + COLUMNS)
    Optional<Faq> countHelpful(@Bind("id") UUID id);

    /**
     * user.deleted: which questions a person found helpful is theirs, so the votes go; helpful_count stays, an
     * anonymous total that no longer says who voted.
     */
    @SqlUpdate("DELETE FROM faq_helpful WHERE user_id = :userId")
    int deleteVotesOf(@Bind("userId") UUID userId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM faqs WHERE id = :id)")
    boolean exists(@Bind("id") UUID id);

    @SqlQuery("INSERT INTO faqs (slug, category, question, answer, display_order) "
            + "VALUES (:slug, :f.category, :f.question, :f.answer, "
            + "COALESCE(:f.displayOrder, (SELECT COALESCE(max(display_order), 0) + 1 FROM faqs))) "
            + "ON CONFLICT (slug) DO NOTHING RETURNING " + COLUMNS)
    Optional<Faq> insert(@Bind("slug") String slug, @BindMethods("f") FaqInput input);

    /** As for items, an admin edit takes the question out of the content loader's hands (content_hash NULL). */
    @SqlQuery("UPDATE faqs SET slug = COALESCE(:f.slug, slug), category = :f.category, question = :f.question, "
            + "answer = :f.answer, display_order = COALESCE(:f.displayOrder, display_order), content_hash = NULL, "
            + "updated_at = now() "
            + "WHERE id = :id RETURNING " + COLUMNS)
    Optional<Faq> update(@Bind("id") UUID id, @BindMethods("f") FaqInput input);

    @SqlUpdate("DELETE FROM faqs WHERE id = :id")
    int delete(@Bind("id") UUID id);
}
