package eco2.info.faq;

import eco2.common.db.UniqueViolation;
import eco2.common.error.Conflict;
import eco2.common.error.FieldErrors;
import eco2.common.error.NotFound;
import eco2.info.category.CategoryService;
import eco2.info.web.PageRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/**
 * The FAQ: pages, a detail view that counts itself, helpful votes once per user, and admin edits. Not cached: every
 * detail view writes its counter anyway, and the list is 33 rows.
 */
public final class FaqService {
    /** The answer to an id that names no question, malformed or unknown. */
    public static final String NOT_FOUND = "No question with this id";

    private final Jdbi jdbi;
    private final CategoryService categories;

    public FaqService(Jdbi jdbi, CategoryService categories) {
        this.jdbi = jdbi;
        this.categories = categories;
    }

    public FaqPage page(String category, FaqSort sort, PageRequest page) {
        return jdbi.withExtension(
                FaqRepository.class,
                repo -> new FaqPage(
                        repo.page(category, sort.orderBy, page.size(), page.offset()),
                        repo.count(category),
                        page.page(),
                        page.size()));
    }

    /** The question with its view counted: one UPDATE ... RETURNING, so concurrent views never lose an increment. */
    public Faq view(UUID id) {
        return jdbi.withExtension(FaqRepository.class, repo -> repo.view(id)).orElseThrow(FaqService::notFound);
    }

    /** Counts the caller's helpful vote; a second vote by the same user is a 409, also when both arrive at once. */
    public Faq helpful(UUID id, UUID userId) {
        try {
            return jdbi.inTransaction(handle -> {
                FaqRepository repo = handle.attach(FaqRepository.class);
                if (repo.vote(id, userId) == 0) {
                    if (!repo.exists(id)) throw notFound();
                    throw new Conflict("You already marked this answer helpful");
                }
                return repo.countHelpful(id).orElseThrow(FaqService::notFound);
            });
        } catch (UnableToExecuteStatementException e) {
            // The question was deleted between the vote's read and its foreign-key check.
            if (e.getCause() instanceof PSQLException psql && "23503".equals(psql.getSQLState())) throw notFound();
            throw e;
        }
    }

    public Faq create(FaqInput input) {
        FaqInput clean = validated(input);
        String slug = clean.slug() != null
                ? clean.slug()
                : "faq-" + UUID.randomUUID().toString().substring(0, 8);
        return write(() -> jdbi.withExtension(FaqRepository.class, repo -> repo.insert(slug, clean)))
                .orElseThrow(FaqService::slugTaken);
    }

    public Faq replace(UUID id, FaqInput input) {
        FaqInput clean = validated(input);
        return write(() -> jdbi.withExtension(FaqRepository.class, repo -> repo.update(id, clean)))
                .orElseThrow(FaqService::notFound);
    }

    public void delete(UUID id) {
        if (jdbi.withExtension(FaqRepository.class, repo -> repo.delete(id)) == 0) throw notFound();
    }

    private FaqInput validated(FaqInput input) {
        FieldErrors errors = new FieldErrors();
        input.validate(errors);
        categories.check(input.category(), "category", errors);
        errors.throwIfAny();
        return input.cleaned();
    }

    private static Optional<Faq> write(Supplier<Optional<Faq>> statement) {
        try {
            return statement.get();
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolation.constraint(e).isPresent()) throw slugTaken();
            throw e;
        }
    }

    private static Conflict slugTaken() {
        return new Conflict("A question with this slug already exists");
    }

    private static NotFound notFound() {
        return new NotFound(NOT_FOUND);
    }
}
