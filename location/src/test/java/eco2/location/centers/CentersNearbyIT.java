package eco2.location.centers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.FakeKakao;
import eco2.location.LocationTestApp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /centers near a point: database centres merged with Kakao's "재활용센터" places, duplicates dropped, Kakao
 * trouble degrading to the database answer (uncached), and Kakao skipped when it cannot help.
 */
class CentersNearbyIT {
    static final String NEAR = "/api/v1/locations/centers?lat=37.5&lon=127.0&radius=1000";
    static FakeKakao kakao;
    static LocationTestApp location;

    @BeforeAll
    static void start() throws Exception {
        kakao = new FakeKakao();
        location = LocationTestApp.start(LocationTestApp.kakaoAt(kakao.baseUrl(), FakeKakao.KEY));
        center("gangnam", "강남 자원순환센터", north(50), 127.0, "{투명페트병,캔}");
        center("yeoksam", "역삼 재활용 센터", north(400), 127.0, "{폐건전지}");
    }

    @AfterAll
    static void stop() {
        location.close();
        kakao.close();
    }

    @BeforeEach
    void fresh() {
        kakao.reset();
        TestServices.get().flushRedis();
        kakao.reply(
                FakeKakao.KEYWORD,
                FakeKakao.Reply.ok(FakeKakao.documents(List.of(
                        FakeKakao.placeDocument("111", "강남자원순환센터", "서울 강남구 역삼동 1", north(80), 127.0), // 30 m from ours
                        FakeKakao.placeDocument("222", "역삼 재활용 센터 2호점", "서울 강남구 역삼동 2", north(700), 127.0), // 300 m off
                        FakeKakao.placeDocument("333", "서초 재활용센터", "서울 서초구 서초동 3", north(-600), 127.0),
                        FakeKakao.placeDocument("444", "먼 재활용센터", "경기 성남시 분당구 4", north(5000), 127.0)))));
    }

    @Test
    void kakaoPlacesJoinTheDatabaseCentresWithoutDuplicates() {
        JsonNode items = items(NEAR);
        assertThat(items.findValuesAsText("id"))
                .containsExactly("keco:gangnam", "keco:yeoksam", "kakao:333", "kakao:222");
        assertThat(items.findValuesAsText("distance_m")).containsExactly("50.0", "400.0", "600.0", "700.0");
        JsonNode fromKakao = items.get(2);
        assertThat(fromKakao.get("source").asText()).isEqualTo("kakao");
        assertThat(fromKakao.get("name").asText()).isEqualTo("서초 재활용센터");
        assertThat(fromKakao.get("region").asText()).isEqualTo("서울특별시");
        assertThat(fromKakao.get("district").asText()).isEqualTo("서초구");
        assertThat(fromKakao.get("url").asText()).isEqualTo("http://place.map.kakao.com/333");
        assertThat(fromKakao.get("accepted_items")).isEmpty();
        assertThat(fromKakao.get("hours").isNull()).isTrue();
        assertThat(kakao.queries().get(0))
                .containsEntry("query", "재활용센터")
                .containsEntry("x", "127.0000000")
                .containsEntry("y", "37.5000000")
                .containsEntry("radius", "1000")
                .containsEntry("sort", "distance")
                .containsEntry("size", "15");
    }

    @Test
    void theMergedAnswerIsCached() {
        String first = location.http.get(NEAR).body();
        assertThat(location.http.get(NEAR).body()).isEqualTo(first);
        assertThat(kakao.count(FakeKakao.KEYWORD)).isEqualTo(1);
    }

    @Test
    void limitAppliesAfterTheMerge() {
        assertThat(items(NEAR + "&limit=3").findValuesAsText("id"))
                .containsExactly("keco:gangnam", "keco:yeoksam", "kakao:333");
    }

    @Test
    void whenKakaoFailsTheDatabaseCentresAreServedAndNotCached() {
        kakao.reply(FakeKakao.KEYWORD, FakeKakao.Reply.status(500));
        assertThat(items(NEAR).findValuesAsText("id")).containsExactly("keco:gangnam", "keco:yeoksam");
        kakao.reply(FakeKakao.KEYWORD, FakeKakao.Reply.slow(3000));
        assertThat(items(NEAR).findValuesAsText("id")).containsExactly("keco:gangnam", "keco:yeoksam");
        kakao.reply(FakeKakao.KEYWORD, FakeKakao.Reply.status(429));
        assertThat(items(NEAR).findValuesAsText("id")).containsExactly("keco:gangnam", "keco:yeoksam");
        assertThat(kakao.count(FakeKakao.KEYWORD)).isEqualTo(3);
    }

    @Test
    void anItemFilterAsksTheDatabaseOnly() {
        assertThat(items(NEAR + "&item=건전지").findValuesAsText("id")).containsExactly("keco:yeoksam");
        assertThat(items(NEAR + "&item=PET").findValuesAsText("id")).isEmpty();
        assertThat(items(NEAR + "&item=페트").findValuesAsText("id")).containsExactly("keco:gangnam");
        assertThat(kakao.count(FakeKakao.KEYWORD)).isZero();
    }

    @Test
    void withoutAKeyKakaoIsNeverAsked() throws Exception {
        try (LocationTestApp unconfigured =
                LocationTestApp.startOn(location.database, TestServices.get().redisUri(), c -> c)) {
            TestHttp.Response r = unconfigured.http.get(NEAR + "&limit=50");
            assertThat(r.json().get("items").findValuesAsText("id")).containsExactly("keco:gangnam", "keco:yeoksam");
        }
        assertThat(kakao.count(FakeKakao.KEYWORD)).isZero();
    }

    private static JsonNode items(String path) {
        TestHttp.Response r = location.http.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    /** The latitude {@code metres} north of 37.5 (one degree of latitude is 111,195 m on the haversine sphere). */
    static double north(double metres) {
        return 37.5 + metres / 111_195.08;
    }

    private static void center(String id, String name, double lat, double lon, String items) {
        location.db.useHandle(h -> h.execute(
                "INSERT INTO locations.recycle_centers (source, source_id, name, region, "
                        + "district, road_address, latitude, longitude, accepted_items) VALUES ('keco', ?, ?, '서울특별시', '강남구', "
                        + "'서울 강남구', ?, ?, CAST(? AS text[]))",
                id,
                name,
                lat,
                lon,
                items));
    }
}
