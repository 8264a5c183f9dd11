package eco2.info;

import eco2.common.admin.AdminRoutes;
import eco2.common.admin.AdminService;
import eco2.common.admin.DeadLetters;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.QueueBinding;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.redis.DocumentCache;
import eco2.info.cache.CacheKeys;
import eco2.info.category.CategoryHandler;
import eco2.info.category.CategoryService;
import eco2.info.content.ContentFiles;
import eco2.info.content.ContentLoader;
import eco2.info.faq.FaqAdminHandler;
import eco2.info.faq.FaqHandler;
import eco2.info.faq.FaqService;
import eco2.info.item.ItemAdminHandler;
import eco2.info.item.ItemHandler;
import eco2.info.item.ItemService;
import eco2.info.rules.RulesHandler;
import eco2.info.rules.RulesService;
import eco2.info.search.HangulCheck;
import eco2.info.search.SearchHandler;
import eco2.info.search.SearchLog;
import eco2.info.search.SearchService;
import eco2.info.search.SearchSession;
import eco2.info.stats.StatsHandler;
import eco2.info.stats.StatsRepository;
import eco2.info.stats.StatsService;
import eco2.info.users.UserDeletedHandler;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The info service's composition root (schema recycle_info): the sorting guide's categories, items and search,
 * regional rules, FAQ and statistics, and the user.deleted consumer that drops a user's search history and votes.
 * Migrates, loads the curated content, then wires repositories into services into handlers.
 */
public final class InfoModule implements ServiceModule {
    /** Created by the bootstrap as admin (dev, CI, compose's migrate step); in production once by a DBA. */
    public static final List<String> EXTENSIONS = List.of("pg_trgm");

    static final String BASE = "/api/v1/recycle";

    private final Database database;
    private final AmqpConnector amqp;
    private final EventConsumer deletions;
    private final SearchLog searchLog;
    private final CategoryHandler categories;
    private final ItemHandler items;
    private final ItemAdminHandler itemAdmin;
    private final SearchHandler search;
    private final RulesHandler rules;
    private final FaqHandler faq;
    private final FaqAdminHandler faqAdmin;
    private final StatsHandler stats;
    private final AdminRoutes admin;

    private InfoModule(
            Database database,
            AmqpConnector amqp,
            EventConsumer deletions,
            SearchLog searchLog,
            CategoryHandler categories,
            ItemHandler items,
            ItemAdminHandler itemAdmin,
            SearchHandler search,
            RulesHandler rules,
            FaqHandler faq,
            FaqAdminHandler faqAdmin,
            StatsHandler stats,
            AdminRoutes admin) {
        this.database = database;
        this.amqp = amqp;
        this.deletions = deletions;
        this.searchLog = searchLog;
        this.categories = categories;
        this.items = items;
        this.itemAdmin = itemAdmin;
        this.search = search;
        this.rules = rules;
        this.faq = faq;
        this.faqAdmin = faqAdmin;
        this.stats = stats;
        this.admin = admin;
    }

    /** The queues info consumes; {@code info.jar migrate} declares them before producers start. */
    public static List<QueueBinding> queues(InfoConfig config) {
        return List.of(new QueueBinding(config.userDeletedQueue(), List.of(UserDeletedHandler.TYPE)));
    }

    public static InfoModule create(InfoConfig config, Infra infra) {
        MeterRegistry registry = infra.metrics().registry();
        // pg_trgm: created by the dev/CI bootstrap as admin; in production once by a DBA (see
        // V1__catalogue_and_search).
        Database database = Database.open(config.db(), registry, EXTENSIONS, SearchSession.SQL);
        Jdbi jdbi = database.jdbi();
        DocumentCache itemCache = CacheKeys.items(infra.redis(), registry);
        DocumentCache categoryCache = CacheKeys.categories(infra.redis(), registry);
        DocumentCache rulesCache = CacheKeys.rules(infra.redis(), registry);
        DocumentCache searchCache = CacheKeys.searches(infra.redis(), registry).enabled(config.searchCache());
        try {
            new ContentLoader(jdbi, infra.mapper(), itemCache, categoryCache, rulesCache, searchCache)
                    .load(ContentFiles.read(infra.mapper()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }

        HangulCheck.run(jdbi);
        CategoryService categoryService = new CategoryService(jdbi, categoryCache, infra.mapper());
        ItemService itemService = new ItemService(jdbi, itemCache, categoryService, searchCache, infra.mapper());
        SearchLog searchLog = new SearchLog(jdbi, infra.clock(), registry);
        SearchService searchService = new SearchService(jdbi, categoryService, searchCache, searchLog, infra.mapper());
        FaqService faqService = new FaqService(jdbi, categoryService);
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "info");
        EventConsumer deletions = new EventConsumer(
                        Subscription.of(queues(config).get(0), new UserDeletedHandler(searchLog)),
                        jdbi,
                        amqp,
                        infra.mapper(),
                        registry)
                .startWhenReachable();
        return new InfoModule(
                database,
                amqp,
                deletions,
                searchLog,
                new CategoryHandler(categoryService),
                new ItemHandler(itemService, categoryService),
                new ItemAdminHandler(itemService, infra.jsonBody(), infra.authenticator()),
                new SearchHandler(searchService, infra.jsonBody(), infra.authenticator()),
                new RulesHandler(new RulesService(jdbi, rulesCache, infra.mapper())),
                new FaqHandler(faqService, categoryService, infra.authenticator()),
                new FaqAdminHandler(faqService, infra.jsonBody(), infra.authenticator()),
                new StatsHandler(new StatsService(jdbi, infra.clock())),
                // info publishes nothing: no outbox.
                new AdminRoutes(
                        BASE,
                        infra.authenticator(),
                        new AdminService(
                                "info",
                                new DeadLetters(amqp, List.of(config.userDeletedQueue()), infra.mapper()),
                                List.of(),
                                () -> jdbi.withExtension(
                                        StatsRepository.class,
                                        r -> Map.of("items_total", r.countItems(), "faq_total", r.countFaqs())))));
    }

    @Override
    public String name() {
        return "info";
    }

    @Override
    public Map<String, String> docTags() {
        return Map.of(
                "info",
                "The sorting guide: categories, items, search, regional discharge rules, FAQ and statistics; "
                        + "admins write items and FAQ (/api/v1/recycle)");
    }

    @Override
    public void routes(Javalin app) {
        app.get(BASE + "/categories", categories::list);
        app.get(BASE + "/items", items::list);
        app.post(BASE + "/items", itemAdmin::create);
        app.post(BASE + "/items/search", search::search);
        app.get(BASE + "/items/{id}", items::get);
        app.put(BASE + "/items/{id}", itemAdmin::replace);
        app.delete(BASE + "/items/{id}", itemAdmin::delete);
        app.get(BASE + "/rules/{region}", rules::get);
        app.get(BASE + "/faq", faq::list);
        app.post(BASE + "/faq", faqAdmin::create);
        app.get(BASE + "/faq/{id}", faq::get);
        app.put(BASE + "/faq/{id}", faqAdmin::replace);
        app.delete(BASE + "/faq/{id}", faqAdmin::delete);
        app.post(BASE + "/faq/{id}/helpful", faq::helpful);
        app.get(BASE + "/stats", stats::get);
        admin.routes(app);
    }

    @Override
    public List<ApiDocs.Mount> docMounts() {
        return List.of(admin.docs());
    }

    /** API.md: info reads are key ok, for every tier; votes and admin writes are for people. */
    @Override
    public List<KeyRoute> keyRoutes() {
        return List.of(
                KeyRoute.get(BASE + "/categories"),
                KeyRoute.get(BASE + "/items"),
                KeyRoute.post(BASE + "/items/search"),
                KeyRoute.get(BASE + "/items/{id}"),
                KeyRoute.get(BASE + "/rules/{region}"),
                KeyRoute.get(BASE + "/faq"),
                KeyRoute.get(BASE + "/faq/{id}"),
                KeyRoute.get(BASE + "/stats"));
    }

    @Override
    public List<ReadinessCheck> readiness() {
        return List.of(database.readiness(), amqp.readiness());
    }

    @Override
    public void quiesce(Instant deadline) {
        deletions.drain(deadline);
    }

    @Override
    public void close() {
        deletions.close();
        amqp.close();
        searchLog.close();
        database.close();
    }
}
