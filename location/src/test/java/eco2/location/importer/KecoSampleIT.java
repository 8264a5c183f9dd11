package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.KecoFile;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The importer on the made-up KECO fixture (every clone has it): 14 records, of which 4 sites are usable and 8 are
 * rejected with a reason and the physical line they start on (the first record spans lines 2-10, the
 * third 13-14).
 */
class KecoSampleIT {
    static final String CENTERS = "/api/v1/locations/admin/import/centers";

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    static LocationTestApp.User admin;

    @BeforeAll
    static void start() throws Exception {
        admin = location.get().admin();
    }

    /** Each test imports into an empty table (the import that refills it also bumps the caches' generation). */
    @BeforeEach
    void empty() {
        location.get().db.useHandle(h -> h.execute("DELETE FROM locations.recycle_centers WHERE source = 'keco'"));
    }

    @Test
    void usableSitesAreStoredAndEveryOtherRecordIsRejectedWithItsReason() throws Exception {
        JsonNode report = upload(Files.readAllBytes(KecoFile.fixture()));
        assertThat(report.get("inserted").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").asInt()).isEqualTo(8);
        List<String> rejections = new ArrayList<>();
        report.get("rejections")
                .forEach(r -> rejections.add(r.get("line").asInt() + " "
                        + r.get("source_id").asText("-") + " " + r.get("reason").asText()));
        assertThat(rejections)
                .containsExactly(
                        "15 904 has no coordinates",
                        "16 905 latitude '37.6501?' is not a number",
                        "17 906 longitude '126.8.301' is not a number",
                        "18 907 latitude 4.6, longitude 126.83 lies outside South Korea (33.0..38.7N, 124.5..132.0E)",
                        "21 901 repeats the source id 901 of line 2",
                        "22 - text after a closing quote on line 22",
                        "23 - expected 33 fields, found 8",
                        "24 - positnSn (the site id) is empty");
        String stored = location.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT string_agg(source_id, ',' ORDER BY source_id) FROM locations.recycle_centers "
                                        + "WHERE source = 'keco'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("901,902,903,910");
    }

    @Test
    void aSiteKeepsItsMultiLineFieldsAndItsFirstSpellingWins() throws Exception {
        upload(Files.readAllBytes(KecoFile.fixture()));
        JsonNode site = nearby("lat=37.65&lon=126.83&radius=50").get(0);
        assertThat(site.get("id").asText()).isEqualTo("keco:901");
        assertThat(site.get("name").asText()).as("not the repeat on line 21").isEqualTo("시험 자원순환가게 가");
        assertThat(site.get("region").asText()).isEqualTo("경기도");
        assertThat(site.get("district").asText()).isEqualTo("고양시");
        assertThat(site.get("phone").asText()).isEqualTo("031-000-0001");
        assertThat(site.get("hours").get("tue").asText()).isEqualTo("10:00 ~ 12:00");
        assertThat(site.get("notes").asText()).isEqualTo("품목 변경 가능\n시험 데이터");
        List<String> items = new ArrayList<>();
        site.get("accepted_items").forEach(i -> items.add(i.asText()));
        assertThat(items).containsExactly("투명페트병", "종이박스", "알루미늄 캔");
        JsonNode incheon = nearby("lat=37.545&lon=126.676&radius=50").get(0);
        assertThat(incheon.get("region").asText())
                .as("from the road address alone")
                .isEqualTo("인천광역시");
    }

    @Test
    void theSameFileInMs949ImportsTheSameAndAgainChangesNothing() throws Exception {
        String text =
                Files.readString(KecoFile.fixture(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonNode first = upload(text.getBytes(CsvText.MS949));
        assertThat(first.get("inserted").asInt()).isEqualTo(4);
        JsonNode again = upload(text.getBytes(CsvText.MS949));
        assertThat(again.get("inserted").asInt() + again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(again.get("rejected").asInt()).isEqualTo(8);
        assertThat(first.get("rejected").asInt()).isEqualTo(8);
        assertThat(nearby("lat=36.64&lon=127.49&radius=50").get(0).get("name").asText())
                .isEqualTo("시험 자원순환가게 나");
    }

    private static JsonNode upload(byte[] csv) {
        TestHttp.Response r = location.get().http.post(CENTERS, "text/csv", csv, admin.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode nearby(String query) {
        TestHttp.Response r = location.get().http.get("/api/v1/locations/centers?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }
}
