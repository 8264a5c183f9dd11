package eco2.info.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /rules/{region}: every spelling of a region, districts, unknown names, and the cache. */
class RulesIT {
    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    @ParameterizedTest
    @ValueSource(strings = {"서울특별시", "서울", "서울시", "seoul", "SEOUL", "Seoul", " 서울 "})
    void everyCommonNameOfSeoulFindsItsRules(String name) {
        JsonNode rules = get(name, null);

        assertThat(rules.get("region").asText()).isEqualTo("seoul");
        assertThat(rules.get("name").asText()).isEqualTo("서울특별시");
        assertThat(rules.get("volume_bag").asText()).contains("종량제");
        assertThat(rules.get("food_waste").get("methods").isArray()).isTrue();
        assertThat(rules.get("food_waste").get("details").asText()).isNotBlank();
        assertThat(rules.get("large_waste").asText()).contains("신고");
        assertThat(rules.get("schedule_note").asText()).isNotBlank();
        assertThat(rules.get("source").asText()).isNotBlank();
        assertThat(rules.get("updated_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(rules.get("districts")).isNotEmpty();
        assertThat(rules.get("district").isNull()).isTrue();
    }

    @Test
    void allSeventeenRegionsAnswerByTheirKey() {
        for (String key : new String[] {
            "seoul",
            "busan",
            "daegu",
            "incheon",
            "gwangju",
            "daejeon",
            "ulsan",
            "sejong",
            "gyeonggi",
            "gangwon",
            "chungbuk",
            "chungnam",
            "jeonbuk",
            "jeonnam",
            "gyeongbuk",
            "gyeongnam",
            "jeju"
        }) {
            assertThat(get(key, null).get("region").asText()).isEqualTo(key);
        }
    }

    @Test
    void aDistrictOfTheRegionIsConfirmedByItsFullOrShortName() {
        assertThat(get("서울", "강남구").get("district").asText()).isEqualTo("강남구");
        assertThat(get("seoul", "강남").get("district").asText()).isEqualTo("강남구");
        assertThat(get("서울", "").get("district").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"서울|해운대구", "서울|없는구", "busan|강남구", "sejong|조치원읍x"})
    void aDistrictOutsideTheRegionIs404(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = info.get().http.get(path(parts[0], parts[1]));

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tokyo",
                "서울특별",
                "x",
                "%27%3B%20DROP%20TABLE%20regional_rules%3B%20--",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void anUnknownRegionIs404(String name) {
        TestHttp.Response r = info.get().http.get("/api/v1/recycle/rules/" + name);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.regional_rules"))
                .isEqualTo(17);
    }

    @Test
    void rulesAreCachedUnderTheNameAsAskedExactlyAsServed() {
        String body = info.get().http.get(path("부산", null)).body();
        assertThat(info.get().infra.redis().get("recycle:rules:부산")).isEqualTo(body);
        assertThat(info.get().http.get(path("부산", null)).body()).isEqualTo(body);
        // With a district the answer is built from the cached document and differs only in "district".
        JsonNode withDistrict = get("부산", "해운대구");
        assertThat(withDistrict.get("district").asText()).isEqualTo("해운대구");
        assertThat(withDistrict.get("districts")).isEqualTo(get("부산", null).get("districts"));
    }

    static JsonNode get(String region, String district) {
        TestHttp.Response r = info.get().http.get(path(region, district));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String path(String region, String district) {
        String path = "/api/v1/recycle/rules/"
                + URLEncoder.encode(region, StandardCharsets.UTF_8).replace("+", "%20");
        return district == null ? path : path + "?district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
    }
}
