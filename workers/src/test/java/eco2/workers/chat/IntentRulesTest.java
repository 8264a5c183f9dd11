package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real phrasings, Korean and English, against the keyword rules; at least 90 % must land on their intent. */
class IntentRulesTest {
    static final List<Map.Entry<String, Intent>> CASES = List.of(
            Map.entry("치킨 뼈는 음식물이야?", Intent.WASTE),
            Map.entry("페트병 라벨은 어떻게 버려?", Intent.WASTE),
            Map.entry("우유팩 분리수거 방법 알려줘", Intent.WASTE),
            Map.entry("깨진 유리는 어디에 버려요?", Intent.WASTE),
            Map.entry("컵라면 용기 재활용 돼?", Intent.WASTE),
            Map.entry("음식물 쓰레기에 양파 껍질 넣어도 돼?", Intent.WASTE),
            Map.entry("택배 상자 테이프 떼고 버려야 해?", Intent.WASTE),
            Map.entry("영수증은 종이로 배출해도 되나요?", Intent.WASTE),
            Map.entry("스티로폼 박스 버리는 법", Intent.WASTE),
            Map.entry("How do I recycle a pizza box?", Intent.WASTE),
            Map.entry("Can I throw away batteries in the trash?", Intent.WASTE),
            Map.entry("Is a coffee cup recyclable?", Intent.WASTE),
            Map.entry("where should I dispose of old paint", Intent.WASTE),
            Map.entry("how to sort food waste", Intent.WASTE),
            Map.entry("소파 버리려면 어떻게 해?", Intent.BULK_WASTE),
            Map.entry("대형폐기물 스티커는 어디서 사?", Intent.BULK_WASTE),
            Map.entry("침대 매트리스 처리 방법", Intent.BULK_WASTE),
            Map.entry("장롱 버리는 비용", Intent.BULK_WASTE),
            Map.entry("How do I get rid of an old sofa?", Intent.BULK_WASTE),
            Map.entry("bulky waste pickup for a mattress", Intent.BULK_WASTE),
            Map.entry("캐릭터는 몇 개야?", Intent.CHARACTER),
            Map.entry("페티는 어떻게 얻어?", Intent.CHARACTER),
            Map.entry("이코가 누구야?", Intent.CHARACTER),
            Map.entry("글래시 해금 조건 알려줘", Intent.CHARACTER),
            Map.entry("How do I unlock a new character?", Intent.CHARACTER),
            Map.entry("which characters can I collect", Intent.CHARACTER),
            Map.entry("근처에 재활용 할 수 있는 곳 있어?", Intent.LOCATION),
            Map.entry("가까운 분리수거 장소 알려줘", Intent.LOCATION),
            Map.entry("내 주변에 버릴 데 있나요?", Intent.LOCATION),
            Map.entry("where is the nearest place to recycle", Intent.LOCATION),
            Map.entry("anything nearby where I can recycle?", Intent.LOCATION),
            Map.entry("근처에 폐건전지 수거함 있어?", Intent.COLLECTION_POINT),
            Map.entry("의류수거함 위치 알려줘", Intent.COLLECTION_POINT),
            Map.entry("폐형광등 수거함은 어디 있어?", Intent.COLLECTION_POINT),
            Map.entry("재활용센터 운영 시간", Intent.COLLECTION_POINT),
            Map.entry("Is there a battery collection bin near me?", Intent.COLLECTION_POINT),
            Map.entry("find a recycling center", Intent.COLLECTION_POINT),
            Map.entry("고철 가격 얼마야?", Intent.RECYCLABLE_PRICE),
            Map.entry("폐지 시세 알려줘", Intent.RECYCLABLE_PRICE),
            Map.entry("캔 모아서 팔면 얼마 받아?", Intent.RECYCLABLE_PRICE),
            Map.entry("What is the price of scrap copper?", Intent.RECYCLABLE_PRICE),
            Map.entry("how much is a kilo of cans worth", Intent.RECYCLABLE_PRICE),
            Map.entry("오늘 날씨 어때?", Intent.WEATHER),
            Map.entry("내일 비 와?", Intent.WEATHER),
            Map.entry("미세먼지 심해?", Intent.WEATHER),
            Map.entry("What's the weather like today?", Intent.WEATHER),
            Map.entry("will it rain today in Seoul? forecast please", Intent.WEATHER),
            Map.entry("최신 환경 뉴스 검색해줘", Intent.WEB_SEARCH),
            Map.entry("인터넷에서 플라스틱 규제 찾아봐", Intent.WEB_SEARCH),
            Map.entry("Search the web for recycling laws", Intent.WEB_SEARCH),
            Map.entry("google the latest news on plastic bans", Intent.WEB_SEARCH),
            Map.entry("지구 그림 그려줘", Intent.IMAGE_GENERATION),
            Map.entry("재활용 포스터 이미지 만들어줘", Intent.IMAGE_GENERATION),
            Map.entry("Draw a cute recycling robot", Intent.IMAGE_GENERATION),
            Map.entry("generate an image of a green city", Intent.IMAGE_GENERATION),
            Map.entry("안녕!", Intent.GENERAL),
            Map.entry("고마워", Intent.GENERAL),
            Map.entry("너는 누구니?", Intent.GENERAL),
            Map.entry("hello there", Intent.GENERAL),
            Map.entry("thanks a lot", Intent.GENERAL),
            Map.entry("what can you do?", Intent.GENERAL),
            Map.entry("오늘 기분이 좋아", Intent.GENERAL));

    @Test
    void atLeastNinetyPercentOfRealPhrasingsLandOnTheirIntent() {
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, Intent> c : CASES) {
            Intent got = IntentRules.classify(c.getKey());
            if (got != c.getValue()) misses.add(c.getKey() + " → " + got + " (expected " + c.getValue() + ")");
        }
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        double accuracy = 1.0 - (double) misses.size() / CASES.size();
        assertThat(accuracy).as("misses: %s", misses).isGreaterThanOrEqualTo(0.9);
        assertThat(CASES.stream().map(Map.Entry::getValue).distinct()).hasSize(Intent.values().length);
    }
}
