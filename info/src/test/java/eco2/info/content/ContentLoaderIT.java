package eco2.info.content;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.db.Database;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import eco2.info.cache.CacheKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up loader against the database the app already loaded: a second run changes nothing; changed files
 * rewrite only what changed, remove what left them, and never touch what admins created or edited.
 */
class ContentLoaderIT {
    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    static Database database;
    static ContentLoader loader;
    static Content shipped;

    @BeforeAll
    static void start() throws Exception {
        database = Database.open(info.get().config.db(), new SimpleMeterRegistry(), List.of("pg_trgm"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        loader = new ContentLoader(
                database.jdbi(),
                info.get().infra.mapper(),
                CacheKeys.items(info.get().infra.redis(), registry),
                CacheKeys.categories(info.get().infra.redis(), registry),
                CacheKeys.rules(info.get().infra.redis(), registry),
                CacheKeys.searches(info.get().infra.redis(), registry));
        shipped = ContentFiles.read(info.get().infra.mapper());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theSameFilesAgainChangeNoRow() {
        String before = snapshot();

        ContentLoader.Report report = loader.load(shipped);

        assertThat(report.changed()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items WHERE content_hash IS NOT NULL"))
                .isEqualTo(148);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.faqs")).isEqualTo(33);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.regional_rules"))
                .isEqualTo(17);
    }

    @Test
    void changedFilesRewriteOnlyWhatChangedAndKeepWhatAdminsMade() {
        InfoTestApp.User admin = info.get().admin();
        String adminItem = createItem(admin, "admin-made");
        String editedId = info.get().itemId("mirror");
        Map<String, Object> edit = item(null, "관리자가 고친 거울");
        assertThat(info.get()
                        .http
                        .send(
                                "PUT",
                                "/api/v1/recycle/items/" + editedId,
                                "application/json",
                                TestHttp.json(edit).getBytes(StandardCharsets.UTF_8),
                                admin.auth())
                        .status())
                .isEqualTo(200);
        String faqId = info.get().faqId("box-tape");
        info.get().http.get("/api/v1/recycle/faq/" + faqId);
        String untouched = row("receipt");
        String changedId = info.get().itemId("battery");
        info.get().http.get("/api/v1/recycle/items/" + changedId); // cached now
        long generation = generation();

        Content next = next(shipped);
        ContentLoader.Report report = loader.load(next);

        assertThat(report.changed()).isTrue();
        assertThat(report.itemsChanged()).contains(UUID.fromString(changedId));
        assertThat(text("SELECT description FROM recycle_info.items WHERE slug = 'battery'"))
                .endsWith("(개정)");
        assertThat(row("receipt")).isEqualTo(untouched); // same entry, same row, same updated_at
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items WHERE slug = 'photo'"))
                .isZero(); // left the files
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items WHERE slug = 'new-in-files'"))
                .isEqualTo(1);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.items WHERE id = '" + adminItem + "'"))
                .isEqualTo(1);
        // mirror changed in the files too, but an admin edited it: the admin's version stays.
        assertThat(text("SELECT name FROM recycle_info.items WHERE slug = 'mirror'"))
                .isEqualTo("관리자가 고친 거울");
        assertThat(text("SELECT answer FROM recycle_info.faqs WHERE slug = 'box-tape'"))
                .endsWith("(개정)");
        assertThat(info.get().count("SELECT view_count FROM recycle_info.faqs WHERE slug = 'box-tape'"))
                .isEqualTo(1);
        // What the load changed is no longer served from the cache.
        assertThat(info.get().infra.redis().get("recycle:item:" + changedId)).isNull();
        assertThat(generation()).isGreaterThan(generation);
        assertThat(info.get()
                        .http
                        .get("/api/v1/recycle/items/" + changedId)
                        .json()
                        .get("description")
                        .asText())
                .endsWith("(개정)");

        String after = snapshot();
        assertThat(loader.load(next).changed()).isFalse();
        assertThat(snapshot()).isEqualTo(after);
        assertThat(loader.load(shipped).changed()).isTrue(); // and back, for the other tests
    }

    @Test
    void loadersStartingTogetherDoTheWorkOnce() throws Exception {
        Content next = new Content(
                shipped.categories(), shipped.items(), shipped.faqs(), shipped.regions(), shipped.hash() + "-again");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ContentLoader.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) runs.add(pool.submit((Callable<ContentLoader.Report>) () -> loader.load(next)));
            List<Boolean> changed = new ArrayList<>();
            for (Future<ContentLoader.Report> run : runs) changed.add(run.get().changed());
            assertThat(changed).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(loader.load(shipped).changed()).isTrue();
    }

    /** The shipped content with: battery's description and box-tape's answer revised, mirror renamed, photo gone,
     *  one new item. */
    static Content next(Content content) {
        List<Content.Item> items = new ArrayList<>();
        for (Content.Item i : content.items()) {
            if (i.slug().equals("photo")) continue;
            if (i.slug().equals("battery") || i.slug().equals("mirror")) {
                i = new Content.Item(
                        i.slug(),
                        i.slug().equals("mirror") ? "거울(개정)" : i.name(),
                        i.nameEn(),
                        i.category(),
                        i.subcategory(),
                        i.description() + " (개정)",
                        i.howToRecycle(),
                        i.doNotDo(),
                        i.tips(),
                        i.images(),
                        i.recyclable(),
                        i.searchKeywords());
            }
            items.add(i);
        }
        items.add(new Content.Item(
                "new-in-files",
                "새 품목",
                "New item",
                "general",
                null,
                "파일에 새로 생긴 품목입니다.",
                List.of("종량제 봉투에 버립니다."),
                List.of("분리배출하기"),
                List.of(),
                List.of(),
                false,
                List.of("새 품목", "new")));
        List<Content.Faq> faqs = content.faqs().stream()
                .map(f -> f.slug().equals("box-tape")
                        ? new Content.Faq(f.slug(), f.category(), f.question(), f.answer() + " (개정)", f.displayOrder())
                        : f)
                .toList();
        return new Content(content.categories(), items, faqs, content.regions(), content.hash() + "-next");
    }

    static String createItem(InfoTestApp.User admin, String slug) {
        TestHttp.Response created =
                info.get().http.postJson("/api/v1/recycle/items", TestHttp.json(item(slug, "관리자 품목")), admin.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static Map<String, Object> item(String slug, String name) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (slug != null) item.put("slug", slug);
        item.put("name", name);
        item.put("category", "general");
        item.put("description", "관리자가 만든 설명입니다.");
        item.put("how_to_recycle", List.of("종량제 봉투에 버립니다."));
        item.put("recyclable", false);
        return item;
    }

    /** Every column of every row that the loader writes, as one text; equal texts mean nothing was rewritten. */
    static String snapshot() {
        InfoTestApp app = info.get();
        return app.db.withHandle(h -> h.createQuery("SELECT concat_ws('|', "
                        + "(SELECT md5(string_agg(i::text, ',' ORDER BY slug)) FROM recycle_info.items i), "
                        + "(SELECT md5(string_agg(f::text, ',' ORDER BY slug)) FROM recycle_info.faqs f), "
                        + "(SELECT md5(string_agg(t::text, ',' ORDER BY item_id, kind, term)) FROM recycle_info.item_terms t), "
                        + "(SELECT md5(string_agg(c::text, ',' ORDER BY key)) FROM recycle_info.categories c), "
                        + "(SELECT md5(string_agg(r::text, ',' ORDER BY region)) FROM recycle_info.regional_rules r))")
                .mapTo(String.class)
                .one());
    }

    static String row(String slug) {
        return text("SELECT i::text FROM recycle_info.items i WHERE slug = '" + slug + "'");
    }

    static String text(String sql) {
        return info.get()
                .db
                .withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    static long generation() {
        String value = info.get().infra.redis().get(CacheKeys.SEARCH_GENERATION);
        return value == null ? 0 : Long.parseLong(value);
    }
}
