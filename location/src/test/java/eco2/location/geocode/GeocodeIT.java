package eco2.location.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.redis.Redis;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.FakeKakao;
import eco2.location.LocationCaches;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** POST /geocode and /reverse through a fake Kakao Local API: answers, the 24 h cache, and every failure. */
class GeocodeIT {
    static final String GEOCODE = "/api/v1/locations/geocode";
    static final String REVERSE = "/api/v1/locations/reverse";
    static FakeKakao kakao;
    static LocationTestApp location;
    static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        kakao = new FakeKakao();
        location = LocationTestApp.start(LocationTestApp.kakaoAt(kakao.baseUrl(), FakeKakao.KEY));
        redis = Redis.connect(TestServices.get().redisUri());
    }

    @AfterAll
    static void stop() {
        redis.close();
        location.close();
        kakao.close();
    }

    @BeforeEach
    void fresh() {
        kakao.reset();
        TestServices.get().flushRedis();
    }

    @Test
    void anAddressIsGeocodedOnceAndThenServedFromTheCache() {
        kakao.reply(
                FakeKakao.ADDRESS,
                FakeKakao.Reply.ok(FakeKakao.documents(List.of(
                        FakeKakao.addressDocument("서울 중구 태평로1가 31", "서울 중구 세종대로 110", 37.5663174, 126.9779451)))));

        TestHttp.Response first = geocode("  서울 중구   세종대로 110 ");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode place = first.json();
        assertThat(place.get("latitude").asDouble()).isEqualTo(37.5663174);
        assertThat(place.get("longitude").asDouble()).isEqualTo(126.9779451);
        assertThat(place.get("address").asText()).isEqualTo("서울 중구 태평로1가 31");
        assertThat(place.get("road_address").asText()).isEqualTo("서울 중구 세종대로 110");
        assertThat(kakao.queries().get(0))
                .containsEntry("query", "서울 중구 세종대로 110")
                .containsEntry("size", "1");

        TestHttp.Response second = geocode("서울 중구 세종대로 110");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(kakao.count(FakeKakao.ADDRESS))
                .as("the second call never reached Kakao")
                .isEqualTo(1);
        String key = LocationCaches.GEOCODE + "서울 중구 세종대로 110";
        assertThat(redis.get(key)).isEqualTo(first.body());
        assertThat(redis.ttl(key)).isBetween(86_390L, 86_400L);
    }

    @Test
    void aLotOnlyAddressHasNoRoadAddress() {
        kakao.reply(
                FakeKakao.ADDRESS,
                FakeKakao.Reply.ok(FakeKakao.documents(
                        List.of(FakeKakao.addressDocument("전북 진안군 진안읍 군상리 1", null, 35.79, 127.42)))));
        JsonNode place = geocode("진안군 군상리 1").json();
        assertThat(place.get("road_address").isNull()).isTrue();
    }

    @Test
    void noMatchIs404AndIsAskedAgainNextTime() {
        TestHttp.Response r = geocode("없는 주소 99999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
        geocode("없는 주소 99999");
        assertThat(kakao.count(FakeKakao.ADDRESS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "Kakao {0} → {1}")
    @CsvSource({
        "401, 503, unavailable, refused this service's API key",
        "403, 503, unavailable, refused this service's API key",
        "429, 503, unavailable, quota is used up",
        "500, 502, bad_gateway, provider failed",
        "503, 502, bad_gateway, provider failed",
    })
    void providerFailuresMapToGatewayErrorsAndAreNotCached(int kakaoStatus, int status, String code, String message) {
        kakao.reply(FakeKakao.ADDRESS, FakeKakao.Reply.status(kakaoStatus));
        kakao.reply(FakeKakao.COORD, FakeKakao.Reply.status(kakaoStatus));
        for (TestHttp.Response r : List.of(geocode("서울 중구 세종대로 110"), reverse(37.5663, 126.9779))) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.json().get("code").asText()).isEqualTo(code);
            assertThat(r.json().get("message").asText()).contains(message);
            assertThat(r.json().get("request_id").asText()).isNotBlank();
        }
        geocode("서울 중구 세종대로 110");
        assertThat(kakao.count(FakeKakao.ADDRESS)).isEqualTo(2);
    }

    @Test
    void anAnswerThatIsNotKakaosJsonIs502() {
        kakao.reply(FakeKakao.ADDRESS, FakeKakao.Reply.ok("<html>maintenance</html>"));
        assertThat(geocode("서울 중구 세종대로 110").status()).isEqualTo(502);
        kakao.reply(
                FakeKakao.ADDRESS,
                FakeKakao.Reply.ok(FakeKakao.documents(List.of("{\"x\":\"east\",\"y\":\"north\"}"))));
        assertThat(geocode("서울 중구 세종대로 110").status()).isEqualTo(502);
    }

    @Test
    void aProviderSlowerThanTheReadTimeoutIs503() {
        kakao.reply(FakeKakao.ADDRESS, FakeKakao.Reply.slow(3000)); // the app waits 700 ms
        TestHttp.Response r = geocode("서울 중구 세종대로 110");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("did not answer in time");
    }

    @Test
    void withoutAKeyGeocodingIs503NamingTheSetting() throws Exception {
        try (LocationTestApp unconfigured =
                LocationTestApp.startOn(location.database, TestServices.get().redisUri(), c -> c)) {
            for (TestHttp.Response r : List.of(
                    unconfigured.http.postJson(GEOCODE, TestHttp.json(Map.of("address", "서울 중구 세종대로 110"))),
                    unconfigured.http.postJson(REVERSE, "{\"latitude\":37.5,\"longitude\":127.0}"))) {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.json().get("code").asText()).isEqualTo("unavailable");
                assertThat(r.json().get("message").asText()).contains("KAKAO_REST_API_KEY");
            }
        }
        assertThat(kakao.count(FakeKakao.ADDRESS)).isZero();
    }

    @Test
    void aPositionIsReverseGeocodedOnceAtFiveDecimals() {
        kakao.reply(
                FakeKakao.COORD,
                FakeKakao.Reply.ok(FakeKakao.documents(
                        List.of(FakeKakao.coordDocument("서울 중구 태평로1가 31", "서울 중구 세종대로 110", "서울", "중구")))));
        TestHttp.Response first = reverse(37.566321, 126.977941);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("address").asText()).isEqualTo("서울 중구 태평로1가 31");
        assertThat(first.json().get("road_address").asText()).isEqualTo("서울 중구 세종대로 110");
        assertThat(first.json().get("region").asText()).isEqualTo("서울");
        assertThat(first.json().get("district").asText()).isEqualTo("중구");
        assertThat(kakao.queries().get(0)).containsEntry("x", "126.9779400").containsEntry("y", "37.5663200");

        assertThat(reverse(37.566319, 126.977944).body()).isEqualTo(first.body());
        assertThat(kakao.count(FakeKakao.COORD)).isEqualTo(1);
        assertThat(redis.get(LocationCaches.REVERSE + "37.56632:126.97794")).isEqualTo(first.body());
    }

    @Test
    void aPositionKakaoCannotNameIs404() {
        TestHttp.Response r = reverse(0.5, -150);
        assertThat(r.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}|address",
                "{\"address\":null}|address",
                "{\"address\":\"\"}|address",
                "{\"address\":\"   \"}|address",
                "{\"address\":5}|address",
                "{\"address\":[\"a\"]}|address",
                "{\"address\":\"서울\",\"lang\":\"ko\"}|lang",
            })
    void badGeocodeBodiesAre422NamingTheField(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = location.http.postJson(GEOCODE, parts[0]);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(parts[1]);
        assertThat(kakao.count(FakeKakao.ADDRESS)).isZero();
    }

    @Test
    void addressesAreLimitedTo200Characters() {
        assertThat(location.http
                        .postJson(GEOCODE, TestHttp.json(Map.of("address", "가".repeat(201))))
                        .status())
                .isEqualTo(422);
        assertThat(location.http
                        .postJson(GEOCODE, TestHttp.json(Map.of("address", "가".repeat(200))))
                        .status())
                .as("valid, just unknown to Kakao")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}|latitude,longitude",
                "{\"latitude\":37.5}|longitude",
                "{\"latitude\":91,\"longitude\":0}|latitude",
                "{\"latitude\":0,\"longitude\":-180.5}|longitude",
                "{\"latitude\":\"37.5\",\"longitude\":127}|latitude",
                "{\"latitude\":37.5,\"longitude\":127,\"zoom\":3}|zoom",
            })
    void badReverseBodiesAre422(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = location.http.postJson(REVERSE, parts[0]);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(parts[1].split(","));
    }

    @Test
    void malformedJsonAndWrongContentTypeAre400() {
        assertThat(location.http.postJson(GEOCODE, "{\"address\": ").status()).isEqualTo(400);
        assertThat(location.http
                        .post(GEOCODE, "text/plain", "서울".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
    }

    private static TestHttp.Response geocode(String address) {
        return location.http.postJson(GEOCODE, TestHttp.json(Map.of("address", address)));
    }

    private static TestHttp.Response reverse(double lat, double lon) {
        return location.http.postJson(REVERSE, TestHttp.json(Map.of("latitude", lat, "longitude", lon)));
    }
}
