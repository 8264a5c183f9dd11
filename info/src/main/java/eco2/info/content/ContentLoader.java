package eco2.info.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.redis.DocumentCache;
import eco2.info.web.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database in line with the content files at start-up, idempotently. Unchanged files (same SHA-256 as
 * the last load) cost one query. Otherwise, in one transaction: categories and regions are upserted by key, items
 * and FAQs by slug, but only entries whose file fingerprint changed are rewritten, and curated entries that left
 * the files are deleted. Rows admins created or edited (content_hash NULL) are never touched. After the commit the
 * cached documents the load changed are dropped.
 */
public final class ContentLoader {
    private static final Logger log = LoggerFactory.getLogger(ContentLoader.class);

    /** What one load did. */
    public record Report(boolean changed, Set<UUID> itemsChanged, int faqsChanged) {}

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final DocumentCache items;
    private final DocumentCache categories;
    private final DocumentCache rules;
    private final DocumentCache searches;

    public ContentLoader(
            Jdbi jdbi,
            ObjectMapper mapper,
            DocumentCache items,
            DocumentCache categories,
            DocumentCache rules,
            DocumentCache searches) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.items = items;
        this.categories = categories;
        this.rules = rules;
        this.searches = searches;
    }

    public Report load(Content content) {
        List<String> ruleNames = new ArrayList<>();
        Report report = jdbi.inTransaction(handle -> {
            ContentRepository repo = handle.attach(ContentRepository.class);
            repo.lock();
            if (repo.loadedHash().filter(content.hash()::equals).isPresent()) return new Report(false, Set.of(), 0);
            ruleNames.addAll(repo.regionLookupNames());
            content.categories().forEach(repo::upsertCategory);
            Set<UUID> changedItems = new LinkedHashSet<>();
            for (Content.Item item : content.items()) {
                repo.upsertItem(item, ContentFiles.fingerprint(mapper, item)).ifPresent(changedItems::add);
            }
            changedItems.addAll(repo.deleteItemsNotIn(
                    content.items().stream().map(Content.Item::slug).toList()));
            int faqs = 0;
            for (Content.Faq faq : content.faqs()) faqs += repo.upsertFaq(faq, ContentFiles.fingerprint(mapper, faq));
            faqs += repo.deleteFaqsNotIn(
                    content.faqs().stream().map(Content.Faq::slug).toList());
            for (Content.Region region : content.regions()) {
                repo.upsertRegion(
                        region,
                        lookupNames(region),
                        region.foodWaste().methods(),
                        region.foodWaste().details());
            }
            repo.deleteRegionsNotIn(
                    content.regions().stream().map(Content.Region::region).toList());
            ruleNames.addAll(repo.regionLookupNames());
            repo.saveHash(content.hash());
            return new Report(true, changedItems, faqs);
        });
        if (report.changed()) {
            items.invalidate(report.itemsChanged().stream().map(UUID::toString).toList());
            categories.invalidate("");
            rules.invalidate(List.copyOf(new LinkedHashSet<>(ruleNames)));
            searches.invalidateAll();
            log.info(
                    "content {} loaded: {} items and {} FAQ entries written or removed",
                    content.hash().substring(0, 12),
                    report.itemsChanged().size(),
                    report.faqsChanged());
        } else {
            log.info("content {} already loaded", content.hash().substring(0, 12));
        }
        return report;
    }

    /** Every way GET /rules/{region} may name this region, as the service compares them. */
    static List<String> lookupNames(Content.Region region) {
        return Stream.concat(Stream.of(region.region(), region.name()), region.aliases().stream())
                .map(Texts::compact)
                .distinct()
                .toList();
    }
}
