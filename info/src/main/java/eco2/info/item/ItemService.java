package eco2.info.item;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.db.UniqueViolation;
import eco2.common.error.Conflict;
import eco2.common.error.FieldErrors;
import eco2.common.error.NotFound;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.info.category.CategoryService;
import eco2.info.web.PageRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The item catalogue: reads through {@code recycle:item:{id}}, and admin writes that refresh every cached document
 * they change (the item, the category counts, all search answers) after they commit.
 */
public final class ItemService {
    /** The answer to an id that names no item, malformed or unknown. */
    public static final String NOT_FOUND = "No item with this id";

    /** Marks a deleted item for longer than any request lasts, so a reader that loaded it just before cannot cache it. */
    static final String GONE = "";

    static final Duration GONE_TTL = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final DocumentCache cache;
    private final CategoryService categories;
    private final DocumentCache searches;
    private final ObjectMapper mapper;

    /** {@code searches}: the search answers, all retired at once by a catalogue write. */
    public ItemService(
            Jdbi jdbi, DocumentCache cache, CategoryService categories, DocumentCache searches, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.categories = categories;
        this.searches = searches;
        this.mapper = mapper;
    }

    /** The GET /items/{id} document. */
    public String json(UUID id) {
        String json = cache.read(
                id.toString(),
                () -> Json.write(
                        mapper,
                        jdbi.withExtension(ItemRepository.class, repo -> repo.find(id))
                                .orElseThrow(ItemService::notFound)));
        if (json.equals(GONE)) throw notFound();
        return json;
    }

    public ItemPage page(String category, PageRequest page) {
        return jdbi.withExtension(
                ItemRepository.class,
                repo -> category == null
                        ? new ItemPage(repo.page(page.size(), page.offset()), repo.count(), page.page(), page.size())
                        : new ItemPage(
                                repo.pageOf(category, page.size(), page.offset()),
                                repo.countOf(category),
                                page.page(),
                                page.size()));
    }

    public Saved create(ItemInput input) {
        ItemInput clean = validated(input);
        String slug = clean.slug() != null
                ? clean.slug()
                : "item-" + UUID.randomUUID().toString().substring(0, 8);
        Item item = write(() -> jdbi.withExtension(ItemRepository.class, repo -> repo.insert(slug, clean)))
                .orElseThrow(() -> new Conflict("An item with this slug already exists"));
        return new Saved(item.id(), written(item));
    }

    public String replace(UUID id, ItemInput input) {
        ItemInput clean = validated(input);
        Item item = write(() -> jdbi.withExtension(ItemRepository.class, repo -> repo.update(id, clean)))
                .orElseThrow(ItemService::notFound);
        return written(item);
    }

    public void delete(UUID id) {
        if (jdbi.withExtension(ItemRepository.class, repo -> repo.delete(id)) == 0) throw notFound();
        cache.put(id.toString(), GONE, GONE_TTL);
        categories.refresh();
        searches.invalidateAll();
    }

    private ItemInput validated(ItemInput input) {
        FieldErrors errors = new FieldErrors();
        input.validate(errors);
        categories.check(input.category(), "category", errors);
        errors.throwIfAny();
        return input.cleaned();
    }

    private static Optional<Item> write(Supplier<Optional<Item>> statement) {
        try {
            return statement.get();
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolation.constraint(e).isPresent()) throw new Conflict("An item with this slug already exists");
            throw e;
        }
    }

    private String written(Item item) {
        String json = Json.write(mapper, item);
        cache.put(item.id().toString(), json);
        categories.refresh();
        searches.invalidateAll();
        return json;
    }

    private static NotFound notFound() {
        return new NotFound(NOT_FOUND);
    }
}
