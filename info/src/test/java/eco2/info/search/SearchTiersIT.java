package eco2.info.search;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.db.Database;
import eco2.common.testing.RunningApp;
import eco2.info.InfoTestApp;
import eco2.info.web.Texts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * search.sql skips word and full-text evidence when the names and keywords that contain the query fill the page.
 * That is only allowed because it changes no answer: tier A outranks everything else, and the gated ranking equals
 * the ungated one. Checked over every relevance query and some broad ones, with and without a category, at several
 * page sizes.
 */
class SearchTiersIT {
    /** The lowest score of a name or keyword that contains the query: 0.9 (keyword) x 0.65 (inside, tiny share). */
    static final double TIER_A = 0.585;

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    static Database database;

    @BeforeAll
    static void start() throws Exception {
        database =
                Database.open(info.get().config.db(), new SimpleMeterRegistry(), List.of("pg_trgm"), SearchSession.SQL);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** Every pooled connection starts with the search settings, pg_trgm's included once the module has loaded. */
    @Test
    void connectionsOpenWithTheSearchSessionSettings() {
        List<String> settings = database.jdbi().withHandle(h -> {
            h.createQuery("SELECT similarity('a', 'b')").mapTo(Double.class).one();
            return List.of(
                    h.createQuery("SHOW plan_cache_mode").mapTo(String.class).one(),
                    h.createQuery("SHOW pg_trgm.similarity_threshold")
                            .mapTo(String.class)
                            .one());
        });
        assertThat(settings).containsExactly("force_generic_plan", "0.4");
    }

    /** What the gate rests on: a hit whose name or keyword contains the query scores above every other hit. */
    @Test
    void hitsThatContainTheQueryAreTierAAndNoOthersAre() throws Exception {
        int tierA = 0;
        int tierB = 0;
        for (String query : queries()) {
            List<SearchHit> hits =
                    database.jdbi().withExtension(SearchRepository.class, repo -> repo.search(query, null, 50, true));
            for (SearchHit hit : hits) {
                boolean contains = database.jdbi()
                        .withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM item_terms "
                                        + "WHERE item_id = :id AND strpos(term, search_norm(:query)) > 0)")
                                .bind("id", hit.id())
                                .bind("query", query)
                                .mapTo(Boolean.class)
                                .one());
                if (contains) {
                    tierA++;
                    assertThat(hit.score())
                            .as("%s: %s contains it", query, hit.slug())
                            .isGreaterThanOrEqualTo(TIER_A);
                } else {
                    tierB++;
                    assertThat(hit.score())
                            .as("%s: %s does not contain it", query, hit.slug())
                            .isLessThan(TIER_A);
                }
            }
        }
        assertThat(tierA).isPositive();
        assertThat(tierB).isPositive();
    }

    @Test
    void skippingWeakerEvidenceWhenTierAFillsThePageChangesNoAnswer() throws Exception {
        String gate = "(SELECT items < :limit FROM tier_a)";
        assertThat(SearchQueries.SEARCH).contains(gate);
        String ungated = SearchQueries.SEARCH.replace(gate, "true");
        int gatedPages = 0;
        for (String query : queries()) {
            for (String category : new String[] {null, "plastic", "general"}) {
                for (int limit : new int[] {1, 3, 10}) {
                    List<List<SearchHit>> answers = database.jdbi()
                            .withHandle(h -> List.of(
                                    SearchQueries.search(h, query, category, limit, true),
                                    SearchQueries.run(h, ungated, query, category, limit, true)));
                    assertThat(answers.get(0))
                            .as("%s in %s, limit %d", query, category, limit)
                            .isEqualTo(answers.get(1));
                    boolean tierAFilled = answers.get(0).size() == limit
                            && answers.get(0).stream().allMatch(hit -> hit.score() >= TIER_A);
                    if (tierAFilled) gatedPages++;
                }
            }
        }
        assertThat(gatedPages).as("pages the gate skipped work for").isGreaterThan(50);
    }

    static List<String> queries() throws Exception {
        List<String> queries = new ArrayList<>();
        SearchRelevanceIT.rows().forEach(row -> queries.add(Texts.normalise(row.query())));
        queries.addAll(List.of("병", "캔", "종이", "용기", "봉투", "bottle", "box", "껍질", "뚜껑", "유리"));
        return queries;
    }
}
