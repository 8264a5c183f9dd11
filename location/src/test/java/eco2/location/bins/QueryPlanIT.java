package eco2.location.bins;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.db.Database;
import eco2.common.testing.TestServices;
import eco2.location.geo.GeoPoint;
import eco2.location.geo.SearchWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With 100,000 bins around Seoul, the nearby queries the service runs read an index, never the whole table: for
 * the plan PostgreSQL makes with the values at hand (custom) and for the one it reuses for any values (generic).
 * (A 20 km circle over this dense Seoul is the whole table, which a sequential scan rightly serves; the service
 * never asks it, because its expanding search stops at the first window that holds a page of bins.)
 */
class QueryPlanIT {
    static Database database;

    @BeforeAll
    static void load() {
        TestServices services = TestServices.get();
        database = Database.open(
                services.dbSettings(services.freshDatabase(), "locations"), new SimpleMeterRegistry(), List.of());
        database.jdbi().useHandle(h -> {
            // Deterministic pseudo-random spread over ±10 km of City Hall; multiplying by primes scatters the order.
            h.execute(
                    "INSERT INTO recycle_bins (source, source_id, name, address, latitude, longitude, bin_type, region) "
                            + "SELECT 'plan', g::text, 'bin ' || g, 'Seoul', "
                            + "37.5663 + ((g::bigint * 7919) % 100000 / 100000.0 - 0.5) * 0.18, "
                            + "126.9779 + ((g::bigint * 104729) % 100000 / 100000.0 - 0.5) * 0.226, "
                            + "(ARRAY['plastic','paper','glass','metal','general','clothes','battery'])[1 + g % 7], '서울특별시' "
                            + "FROM generate_series(1, 100000) AS g");
            h.execute("VACUUM ANALYZE recycle_bins");
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0},{1} r={2} type={3} → {4}")
    @CsvSource({
        "37.5663, 126.9779, 250, , recycle_bins_cell_idx", // the first window of every search
        "37.5663, 126.9779, 1000, plastic, recycle_bins_cell_idx", // the second, with a type
        "37.5663, 126.9779, 4000, , recycle_bins_cell_idx", // the third: a sixth of the table
        "35.1796, 129.0756, 20000, , recycle_bins_", // 20 km where there are no bins (Busan)
        "37.6, 179.9999, 5000, , recycle_bins_", // both sides of the antimeridian
    })
    void searchesWithinStripsUseAnIndex(double lat, double lon, double radius, String type, String index) {
        SearchWindow window = SearchWindow.around(new GeoPoint(lat, lon), radius);
        assertThat(window.allLongitudes()).isFalse();
        Map<String, String> args = Map.of(
                "lat",
                Double.toString(lat),
                "lon",
                Double.toString(lon),
                "minLat",
                Double.toString(window.minLat()),
                "maxLat",
                Double.toString(window.maxLat()),
                "cells",
                "'{" + Arrays.stream(window.cells()).mapToObj(Integer::toString).collect(Collectors.joining(","))
                        + "}'::int[]",
                "type",
                type == null ? "NULL::text" : "'" + type + "'",
                "radius",
                Double.toString(radius),
                "limit",
                "20");
        for (String plan : plans(BinRepository.NEAR_IN_CELLS, args)) {
            assertThat(plan).contains("Index").contains(index).doesNotContain("Seq Scan");
        }
    }

    /**
     * The common first window reads the cell index, never the whole table. The V4 index carries every column the
     * search returns, so PostgreSQL may answer from it alone (an index-only scan, on the Debian build here) or fetch
     * the few matching rows through a bitmap of it (the embedded build, whose costs differ): both are right; a
     * sequential scan is not.
     */
    @ParameterizedTest(name = "type={0}")
    @CsvSource(
            value = {"NULL", "clothes"},
            nullValues = "NULL")
    void theFirstWindowReadsTheCellIndexNotTheTable(String type) {
        SearchWindow window = SearchWindow.around(new GeoPoint(37.5663, 126.9779), 250);
        Map<String, String> args = Map.of(
                "lat",
                "37.5663",
                "lon",
                "126.9779",
                "minLat",
                Double.toString(window.minLat()),
                "maxLat",
                Double.toString(window.maxLat()),
                "cells",
                "'{" + Arrays.stream(window.cells()).mapToObj(Integer::toString).collect(Collectors.joining(","))
                        + "}'::int[]",
                "type",
                type == null ? "NULL::text" : "'" + type + "'",
                "radius",
                "250",
                "limit",
                "20");
        for (String plan : plans(BinRepository.NEAR_IN_CELLS, args)) {
            assertThat(plan)
                    .containsPattern(
                            "(Index Only Scan using|Index Scan using|Bitmap Index Scan on) recycle_bins_cell_idx")
                    .doesNotContain("Seq Scan");
        }
    }

    @ParameterizedTest(name = "{0},{1} r={2}")
    @CsvSource({"90, 0, 20000", "-89.95, 120, 1000", "85, 10, 20000"})
    void aWindowOverAPoleUsesTheLatitudeIndex(double lat, double lon, double radius) {
        SearchWindow window = SearchWindow.around(new GeoPoint(lat, lon), radius);
        assertThat(window.allLongitudes()).isTrue();
        Map<String, String> args = Map.of(
                "lat",
                Double.toString(lat),
                "lon",
                Double.toString(lon),
                "minLat",
                Double.toString(window.minLat()),
                "maxLat",
                Double.toString(window.maxLat()),
                "type",
                "NULL::text",
                "radius",
                Double.toString(radius),
                "limit",
                "20");
        for (String plan : plans(BinRepository.NEAR_IN_BAND, args)) {
            assertThat(plan).contains("recycle_bins_latitude_idx").doesNotContain("Seq Scan");
        }
    }

    /** The custom and the generic plan of {@code sql} for these values (named parameters spelled as SQL literals). */
    private static List<String> plans(String sql, Map<String, String> args) {
        List<String> names =
                args.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        String literal = sql;
        String positional = sql;
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            literal = literal.replaceAll(":" + name + "\\b", args.get(name).replace("$", "\\$"));
            positional = positional.replaceAll(":" + name + "\\b", "\\$" + (i + 1));
            values.append(i == 0 ? "" : ", ").append(args.get(name));
        }
        String custom = literal;
        String generic = positional;
        return database.jdbi()
                .withHandle(h -> List.of(explain(h, "EXPLAIN " + custom), genericPlan(h, generic, values)));
    }

    private static String genericPlan(Handle h, String positional, CharSequence values) {
        h.execute("DEALLOCATE ALL");
        h.execute("PREPARE near AS " + positional);
        h.execute("SET plan_cache_mode = force_generic_plan");
        try {
            return explain(h, "EXPLAIN EXECUTE near(" + values + ")");
        } finally {
            h.execute("RESET plan_cache_mode");
            h.execute("DEALLOCATE near");
        }
    }

    private static String explain(Handle h, String statement) {
        return String.join("\n", h.createQuery(statement).mapTo(String.class).list());
    }
}
