package eco2.info.category;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.FieldErrors;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The category list (cached as {@code recycle:categories}) and the set of valid category keys. Categories come only
 * from the content files, which change with a deploy, so the keys are read once when the module starts.
 */
public final class CategoryService {
    private static final String ID = "";

    private final Jdbi jdbi;
    private final DocumentCache cache;
    private final ObjectMapper mapper;
    private final List<String> keys;

    public CategoryService(Jdbi jdbi, DocumentCache cache, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.mapper = mapper;
        this.keys = List.copyOf(jdbi.withExtension(CategoryRepository.class, CategoryRepository::keys));
    }

    public String listJson() {
        return cache.read(ID, this::read);
    }

    /** After a committed change to items: the counts moved, so the cached list is replaced by a fresh one. */
    public void refresh() {
        cache.put(ID, read());
    }

    /** Adds an error to {@code field} unless {@code key} names a category. */
    public void check(String key, String field, FieldErrors errors) {
        if (key != null && !keys.contains(key)) errors.add(field, "must be one of: " + String.join(", ", keys));
    }

    private String read() {
        return Json.write(
                mapper,
                new CategoryList(jdbi.withExtension(CategoryRepository.class, CategoryRepository::listWithCounts)));
    }
}
