package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /admin/import/bins: the simple bins CSV, its rejections, its idempotency and its source namespaces. */
class BinImportIT {
    static final String BINS = "/api/v1/locations/admin/import/bins";
    /** CRLF line ends, a byte-order mark, quoted commas, doubled quotes and a line break inside a field. */
    static final String CSV = String.join(
            "\r\n",
            "\uFEFFname,address,latitude,longitude,bin_type,region",
            "\"종로구청 앞 의류수거함\",\"서울특별시 종로구 삼봉로 43\",37.5735,126.9790,의류,서울특별시",
            "광화문 폐건전지함,서울 종로구 세종로,37.5759,126.9769,폐건전지,서울특별시",
            "\"Plastic, bin \"\"A\"\"\",,37.5700,126.9800,PLASTIC,",
            "bad latitude,addr,91,126.9,plastic,x",
            "zero,addr,0,0,plastic,x",
            "tokyo,addr,35.68,139.69,plastic,x",
            "no latitude,addr,,126.9,plastic,x",
            "wood,addr,37.57,126.98,wood,x",
            "\"two\r\nlines\",addr,37.5710,126.9810,paper,서울",
            "same place and type,addr,37.5735,126.9790,clothes,x",
            "short,row",
            "");

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    static LocationTestApp.User admin;

    @BeforeAll
    static void start() throws Exception {
        admin = location.get().admin();
    }

    @Test
    void goodRowsAreUpsertedAndEachBadOneIsReportedWithItsLine() {
        JsonNode report = upload(CSV, "test-a");
        assertThat(report.get("inserted").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").asInt()).isEqualTo(7);
        List<String> lines = new ArrayList<>();
        report.get("rejections")
                .forEach(r ->
                        lines.add(r.get("line").asInt() + ": " + r.get("reason").asText()));
        assertThat(lines)
                .satisfiesExactly(
                        l -> assertThat(l).isEqualTo("5: latitude 91.0 is outside -90..90"),
                        l -> assertThat(l).isEqualTo("6: 0,0 is a placeholder, not a location"),
                        l -> assertThat(l).startsWith("7: latitude 35.68, longitude 139.69 lies outside South Korea"),
                        l -> assertThat(l).startsWith("8: latitude and longitude must be decimal numbers"),
                        l -> assertThat(l).startsWith("9: bin_type 'wood' is not one of plastic, paper"),
                        l -> assertThat(l)
                                .isEqualTo("12: repeats the source id clothes:37.573500:126.979000 of line 2"),
                        l -> assertThat(l).isEqualTo("13: expected 6 fields, found 2"));

        JsonNode near = location.get()
                .http
                .get("/api/v1/locations/bins?lat=37.5735&lon=126.9790&radius=1000")
                .json()
                .get("items");
        assertThat(near.findValuesAsText("name"))
                .containsExactly("종로구청 앞 의류수거함", "광화문 폐건전지함", "two\nlines", "Plastic, bin \"A\"");
        assertThat(near.findValuesAsText("bin_type")).containsExactly("clothes", "battery", "paper", "plastic");
        assertThat(near.get(3).get("address").isNull()).isTrue();
        assertThat(near.get(3).get("region").isNull()).isTrue();

        JsonNode again = upload(CSV, "test-a");
        assertThat(List.of(
                        again.get("inserted").asInt(),
                        again.get("updated").asInt(),
                        again.get("unchanged").asInt()))
                .containsExactly(0, 0, 4);
        JsonNode otherSource = upload(CSV, "test-b");
        assertThat(otherSource.get("inserted").asInt())
                .as("ids are unique per source")
                .isEqualTo(4);
    }

    @Test
    void aSourceIdColumnNamesRowsSoMovedBinsAreUpdated() {
        String first = "source_id,name,address,latitude,longitude,bin_type,region\nk-1,수거함,주소,37.50,127.00,glass,서울\n";
        String moved = "source_id,name,address,latitude,longitude,bin_type,region\nk-1,수거함,주소,37.51,127.01,glass,서울\n";
        assertThat(upload(first, "ids").get("inserted").asInt()).isEqualTo(1);
        JsonNode report = upload(moved, "ids");
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("inserted").asInt()).isZero();
        long rows = location.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM locations.recycle_bins WHERE source = 'ids'")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void fieldsOverTheirLimitsAreRejectedAndNothingOfTheRowIsStored() {
        String header = "source_id,name,address,latitude,longitude,bin_type,region\n";
        String csv = header
                + "l-1," + "가".repeat(201) + ",주소,37.52,127.02,glass,서울\n"
                + "l-2,수거함," + "길".repeat(301) + ",37.52,127.02,glass,서울\n"
                + "l-3,수거함,주소,37.52,127.02,glass," + "서".repeat(51) + "\n"
                + "l-4," + "가".repeat(200) + "," + "길".repeat(300) + ",37.52,127.02,glass," + "서".repeat(50) + "\n";
        JsonNode report = upload(csv, "limits");
        assertThat(report.get("inserted").asInt())
                .as("the row exactly at every limit")
                .isEqualTo(1);
        assertThat(report.get("rejections").findValuesAsText("reason"))
                .containsExactly(
                        "name is longer than 200 characters",
                        "address is longer than 300 characters",
                        "region is longer than 50 characters");
        List<String> stored = location.get()
                .db
                .withHandle(h -> h.createQuery("SELECT source_id FROM locations.recycle_bins WHERE source = 'limits'")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).containsExactly("l-4");
    }

    @Test
    void aBadSourceOrHeaderIs422() {
        TestHttp.Response source = location.get()
                .http
                .post(BINS + "?source=Bad%20Name", "text/csv", CSV.getBytes(StandardCharsets.UTF_8), admin.auth());
        assertThat(source.status()).isEqualTo(422);
        assertThat(source.json().get("errors").findValuesAsText("field")).containsExactly("source");
        TestHttp.Response header = location.get()
                .http
                .post(BINS, "text/csv", "name,lat,lon\nx,1,2\n".getBytes(StandardCharsets.UTF_8), admin.auth());
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.json().get("errors").get(0).get("message").asText())
                .isEqualTo("the header lacks the columns: address, latitude, longitude, bin_type, region");
    }

    @Test
    void onlyAdminsImport() {
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        assertThat(location.get().http.post(BINS, "text/csv", csv).status()).isEqualTo(401);
        assertThat(location.get()
                        .http
                        .post(BINS, "text/csv", csv, location.get().register().auth())
                        .status())
                .isEqualTo(403);
    }

    private static JsonNode upload(String csv, String source) {
        TestHttp.Response r = location.get()
                .http
                .post(BINS + "?source=" + source, "text/csv", csv.getBytes(StandardCharsets.UTF_8), admin.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
