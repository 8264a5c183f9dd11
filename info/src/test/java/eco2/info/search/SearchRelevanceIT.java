package eco2.info.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.info.InfoTestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Precision@1 of search over search-relevance.tsv (realistic queries: Korean, typos, spacing, English, partial words
 * → the item a person means), through the real endpoint on the real content. Below 90 % fails; the misses are
 * printed either way, so a ranking change shows what it costs.
 */
class SearchRelevanceIT {
    static final double REQUIRED = 0.90;

    @RegisterExtension
    static final RunningApp<InfoTestApp> info =
            RunningApp.of(() -> InfoTestApp.start(false, TestServices.get().redisUri()));

    record Row(String query, String expected) {}

    @Test
    void precisionAtOneIsAtLeastNinetyPercent() throws IOException {
        List<Row> rows = rows();
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            TestHttp.Response r = info.get()
                    .http
                    .postJson("/api/v1/recycle/items/search", TestHttp.json(Map.of("query", row.query(), "limit", 3)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode hits = r.json().get("items");
            String top = hits.isEmpty() ? "(nothing)" : hits.get(0).get("slug").asText();
            if (!top.equals(row.expected())) {
                List<String> shown = new ArrayList<>();
                hits.forEach(hit -> shown.add(
                        hit.get("slug").asText() + " " + hit.get("score").asDouble()));
                misses.add(String.format("  %-12s expected %-22s got %s", row.query(), row.expected(), shown));
            }
        }
        double precision = (rows.size() - misses.size()) / (double) rows.size();
        System.out.printf(
                "search relevance: precision@1 = %.3f (%d of %d rows), misses:%n%s%n",
                precision,
                rows.size() - misses.size(),
                rows.size(),
                misses.isEmpty() ? "  none" : String.join("\n", misses));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        assertThat(precision)
                .as("precision@1, misses:%n%s", String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = SearchRelevanceIT.class.getClassLoader().getResourceAsStream("search-relevance.tsv")) {
            assertThat(in).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            return lines.subList(1, lines.size()).stream()
                    .map(line -> line.split("\t", -1))
                    .map(columns -> new Row(columns[0], columns[1]))
                    .toList();
        }
    }
}
