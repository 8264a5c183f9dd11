package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.KecoFile;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real KECO sample (409 sites). Its expected counts were worked out from the file itself: 395 rows are usable;
 * 14 are not — 9 have no coordinates, 2 have typos in them ("37.45255496043788?", "127.7.23106"), 3 lie far outside
 * Korea (latitudes 5.16, 4.60 and 27.13: digits lost). Lines are the physical lines the records start on.
 */
class KecoImportIT {
    static final String CENTERS = "/api/v1/locations/admin/import/centers";

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    static LocationTestApp.User admin;
    static JsonNode firstImport;

    @BeforeAll
    static void start() throws Exception {
        admin = location.get().admin();
        TestHttp.Response r = upload(KecoFile.bytes());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        firstImport = r.json();
    }

    @Test
    void theFirstImportInsertsEveryUsableSiteAndRejectsTheRestWithReasons() {
        assertThat(firstImport.get("inserted").asInt()).isEqualTo(395);
        assertThat(firstImport.get("updated").asInt()).isZero();
        assertThat(firstImport.get("unchanged").asInt()).isZero();
        assertThat(firstImport.get("rejected").asInt()).isEqualTo(14);
        List<String[]> rejections = new ArrayList<>();
        firstImport
                .get("rejections")
                .forEach(r -> rejections.add(new String[] {
                    r.get("line").asText(),
                    r.get("source_id").asText(),
                    r.get("reason").asText()
                }));
        assertThat(rejections)
                .extracting(r -> r[1])
                .containsExactly(
                        "47", "99", "188", "204", "205", "207", "208", "210", "313", "326", "348", "353", "368", "379");
        assertThat(rejections)
                .extracting(r -> r[0] + " " + r[1])
                .startsWith("706 47", "1457 99", "2638 188", "2711 204")
                .contains("3016 313", "3126 368", "3148 379");
        assertThat(rejections)
                .filteredOn(r -> List.of("47", "188", "313").contains(r[1]))
                .allSatisfy(r -> assertThat(r[2]).contains("outside South Korea"));
        assertThat(rejections)
                .filteredOn(r -> r[1].equals("99"))
                .singleElement()
                .satisfies(r -> assertThat(r[2]).isEqualTo("latitude '37.45255496043788?' is not a number"));
        assertThat(rejections)
                .filteredOn(r -> r[1].equals("368"))
                .singleElement()
                .satisfies(r -> assertThat(r[2]).isEqualTo("longitude '127.7.23106' is not a number"));
        assertThat(rejections)
                .filteredOn(r -> r[2].equals("has no coordinates"))
                .extracting(r -> r[1])
                .containsExactly("204", "205", "207", "208", "210", "326", "348", "353", "379");
        long stored = location.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM locations.recycle_centers WHERE source = 'keco'")
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isEqualTo(395);
    }

    @Test
    void aSiteKeepsItsNameRegionHoursItemsAndContact() {
        JsonNode site = nearby("lat=37.7025454&lon=126.901133&radius=100").get(0);
        assertThat(site.get("id").asText()).isEqualTo("keco:1");
        assertThat(site.get("source").asText()).isEqualTo("keco");
        assertThat(site.get("name").asText()).isEqualTo("고양동 종합복지회관");
        assertThat(site.get("region").asText()).isEqualTo("경기도");
        assertThat(site.get("district").asText()).isEqualTo("고양시");
        assertThat(site.get("address").asText()).isEqualTo("고양시 덕양구 혜음로 19-11");
        assertThat(site.get("lot_address").asText()).isEqualTo("경기도 고양시 덕양구 고양동 233-2");
        assertThat(site.get("location_detail").asText()).isEqualTo("고양동 종합복지회관 우측 천막");
        assertThat(site.get("phone").asText()).isEqualTo("031-8075-2706");
        assertThat(site.get("hours").get("mon").asText()).isEqualTo("휴무");
        assertThat(site.get("hours").get("tue").asText()).isEqualTo("11:00 ~ 14:00");
        assertThat(site.get("hours").get("holiday").asText()).isEqualTo("휴무");
        List<String> items = new ArrayList<>();
        site.get("accepted_items").forEach(i -> items.add(i.asText()));
        assertThat(items).containsExactly("투명페트병", "유색페트병", "판PET", "플라스틱(PE)", "종이박스", "알루미늄 캔", "철 캔");
        assertThat(site.get("notes").asText()).startsWith("품목 및 단가 변경 가능\n");
        assertThat(site.get("url").asText()).startsWith("https://www.goyang.go.kr/");
        assertThat(site.get("distance_m").asDouble()).isLessThan(10);
    }

    @Test
    void nearbyCentresComeNearestFirst() {
        // Goyang City Hall: its back gate site is 32.5 m away, Jugyo-dong's 231.6 m, the next 2.9 km.
        JsonNode items = nearby("lat=37.6584&lon=126.8320&radius=1000");
        assertThat(items)
                .extracting(i -> i.get("id").asText(), i -> i.get("distance_m").asDouble())
                .containsExactly(tuple("keco:3", 32.5), tuple("keco:2", 231.6));
    }

    @Test
    void regionListingsMatchProvincesDistrictsOrBoth() {
        assertThat(total("region=충북")).isEqualTo(98);
        assertThat(total("region=충청북도")).isEqualTo(98);
        assertThat(total("region=서구")).isEqualTo(45); // 인천 24 + 광주 21
        assertThat(total("region=인천%20서구")).isEqualTo(24);
        assertThat(total("region=인천광역시%20서구")).isEqualTo(24);
        assertThat(total("region=청주")).isEqualTo(14);
        assertThat(total("region=청주시")).isEqualTo(14);
        assertThat(total("region=화성시")).isZero();
        assertThat(total("region=인천광역시&item=건전지")).isEqualTo(23);
        assertThat(total("region=고양시&item=판PET")).isEqualTo(18);
        assertThat(total("region=고양시&item=판pet")).isEqualTo(18);
    }

    @Test
    void regionListingsArePaged() {
        JsonNode last = page("region=충북&page=10&size=10");
        assertThat(last.get("items")).hasSize(8);
        assertThat(last.get("total").asLong()).isEqualTo(98);
        assertThat(last.get("page").asInt()).isEqualTo(10);
        assertThat(last.get("size").asInt()).isEqualTo(10);
        assertThat(page("region=충북&page=11&size=10").get("items")).isEmpty();
        JsonNode first = page("region=충북&size=100").get("items");
        assertThat(first).hasSize(98);
        assertThat(first.get(0).get("distance_m").isNull()).isTrue();
        assertThat(first.findValuesAsText("region")).containsOnly("충청북도");
    }

    @Test
    void badRegionQueriesAre422() {
        for (String query : List.of(
                "region=%20",
                "region=" + "가".repeat(51),
                "region=충북%20청주시%20흥덕구",
                "region=충북&page=0",
                "region=충북&size=101",
                "region=충북&lat=37&lon=127",
                "item=" + "x".repeat(51))) {
            TestHttp.Response r = location.get().http.get("/api/v1/locations/centers?" + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(422);
        }
        assertThat(location.get()
                        .http
                        .get("/api/v1/locations/centers")
                        .json()
                        .get("errors")
                        .findValuesAsText("field"))
                .containsExactlyInAnyOrder("lat", "lon");
    }

    @Test
    void reimportingIsIdempotentAndAChangedRowIsUpdatedAndRefreshesCachedAnswers() throws Exception {
        byte[] original = KecoFile.bytes();
        assertCounts(upload(original), 0, 0, 395);

        String goyang = "/api/v1/locations/centers?region=고양시&size=100";
        assertThat(location.get().http.get(goyang).body()).contains("\"고양동 종합복지회관\"");
        String text = new String(original, StandardCharsets.UTF_8);
        byte[] renamed = text.replaceFirst("1,고양동 종합복지회관,", "1,고양동 자원순환가게,").getBytes(StandardCharsets.UTF_8);
        assertCounts(upload(renamed), 0, 1, 394);
        assertThat(location.get().http.get(goyang).body())
                .contains("\"고양동 자원순환가게\"")
                .doesNotContain("\"고양동 종합복지회관\"");

        assertCounts(upload(original), 0, 1, 394);
        assertCounts(upload(original), 0, 0, 395);
    }

    @Test
    void onlyAdminsImport() throws Exception {
        byte[] csv = KecoFile.header().getBytes(StandardCharsets.UTF_8);
        assertThat(location.get().http.post(CENTERS, "text/csv", csv).status()).isEqualTo(401);
        TestHttp.Response user = location.get()
                .http
                .post(CENTERS, "text/csv", csv, location.get().register().auth());
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void malformedUploadsAreRefusedWithTheEnvelope() {
        TestHttp.Response json = location.get()
                .http
                .post(CENTERS, "application/json", "{}".getBytes(StandardCharsets.UTF_8), admin.auth());
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("code").asText()).isEqualTo("bad_request");
        TestHttp.Response empty = location.get().http.post(CENTERS, "text/csv", new byte[0], admin.auth());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").findValuesAsText("field")).containsExactly("file");
        TestHttp.Response noCoordinates = upload("positnSn,positnNm\n1,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noCoordinates.status()).isEqualTo(422);
        assertThat(noCoordinates.json().get("errors").get(0).get("message").asText())
                .contains("positnPstnLat")
                .contains("positnPstnLot");
    }

    @Test
    void anMs949FileIsReadAsKorean() throws Exception {
        String csv = KecoFile.header() + "\nms949-1,한글 이름 자원순환가게,전주,전북특별자치도 전주시 완산구 효자동 1,,,35.81,127.10"
                + ",".repeat(25) + "\n";
        TestHttp.Response r = upload(csv.getBytes(CsvText.MS949));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("inserted").asInt()).isEqualTo(1);
        assertThat(nearby("lat=35.81&lon=127.10&radius=10").get(0).get("name").asText())
                .isEqualTo("한글 이름 자원순환가게");
        location.get()
                .db
                .useHandle(h -> h.execute("DELETE FROM locations.recycle_centers WHERE source_id = 'ms949-1'"));
    }

    @Test
    void uploadsOverTheLimitAre413() throws Exception {
        try (LocationTestApp small = LocationTestApp.startOn(
                location.get().database, TestServices.get().redisUri(), LocationTestApp.importLimit(1024))) {
            TestHttp.Response r = small.http.post(
                    CENTERS, "text/csv", KecoFile.bytes(), small.admin().auth());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
        }
    }

    private static void assertCounts(TestHttp.Response r, int inserted, int updated, int unchanged) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(List.of(
                        report.get("inserted").asInt(),
                        report.get("updated").asInt(),
                        report.get("unchanged").asInt(),
                        report.get("rejected").asInt()))
                .containsExactly(inserted, updated, unchanged, 14);
    }

    static TestHttp.Response upload(byte[] csv) {
        return location.get().http.post(CENTERS, "text/csv", csv, admin.auth());
    }

    private static JsonNode nearby(String query) {
        TestHttp.Response r = location.get().http.get("/api/v1/locations/centers?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static JsonNode page(String query) {
        TestHttp.Response r = location.get().http.get("/api/v1/locations/centers?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long total(String query) {
        return page(query).get("total").asLong();
    }
}
