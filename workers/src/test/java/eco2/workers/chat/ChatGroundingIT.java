package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.workers.scan.ScanTestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twenty waste questions: the answer carries the matching item's first disposal step and names it as its source. */
class ChatGroundingIT {
    static ScanTestApp app;
    static ScanTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        app = ScanTestApp.start();
        user = app.register();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "치킨 뼈는 음식물이야?, 닭뼈",
        "페트병 어떻게 버려?, 투명 페트병",
        "우유팩은 어떻게 분리배출해?, 우유팩",
        "깨진 유리는 어디에 버려요?, 깨진 유리",
        "컵라면 용기 재활용 돼?, 컵라면 용기",
        "택배 상자 버리는 법 알려줘, 택배 상자",
        "영수증은 종이로 버려도 돼?, 영수증",
        "스티로폼은 어떻게 버려?, 스티로폼",
        "건전지 버리는 방법, 건전지",
        "형광등은 어떻게 처리해?, 형광등",
        "부탄가스 통 버리기, 부탄가스",
        "소주병 분리수거, 소주병",
        "귤껍질은 음식물 쓰레기야?, 귤껍질",
        "달걀 껍데기 어디에 버려?, 달걀 껍데기",
        "알루미늄 캔 버리는 법, 알루미늄 캔",
        "과자봉지 재활용 되나요?, 과자봉지",
        "폐의약품은 어떻게 버려?, 폐의약품",
        "휴대폰 버리는 방법 알려줘, 휴대폰",
        "피자 상자 분리배출, 피자 상자",
        "How do I recycle a milk carton?, 우유팩",
    })
    void theAnswerQuotesTheItemsFirstStepAndNamesIt(String question, String expectedItem) {
        TestHttp.Response response = app.http.postJson(
                "/api/v1/chat/completions",
                TestHttp.json(Map.of("messages", List.of(Map.of("role", "user", "content", question)))),
                user.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode source = response.json().get("eco2").get("sources").get(0);
        assertThat(source.get("type").asText()).isEqualTo("item");
        assertThat(source.get("name").asText()).contains(expectedItem);
        JsonNode item = app.http
                .get("/api/v1/recycle/items/" + source.get("id").asText())
                .json();
        String answer = response.json()
                .get("choices")
                .get(0)
                .get("message")
                .get("content")
                .asText();
        assertThat(answer).contains(item.get("how_to_recycle").get(0).asText());
    }
}
