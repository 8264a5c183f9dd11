package eco2.workers.chat;

import java.util.List;
import java.util.Locale;

/**
 * Keyword rules for the intent of a message, Korean and English, checked in order: the first rule with a keyword
 * in the message wins, so the narrower intents (weather, prices, places) come before the broad "waste".
 */
public final class IntentRules {
    private record Rule(Intent intent, List<String> keywords) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Intent.WEATHER,
                    List.of(
                            "날씨",
                            "기온",
                            "미세먼지",
                            "비 와",
                            "비와",
                            "눈 와",
                            "우산",
                            "weather",
                            "forecast",
                            "temperature",
                            "rain today",
                            "sunny")),
            new Rule(
                    Intent.IMAGE_GENERATION,
                    List.of(
                            "그림",
                            "그려",
                            "이미지 만들",
                            "이미지 생성",
                            "사진 만들",
                            "draw",
                            "generate an image",
                            "generate a picture",
                            "make an image",
                            "make a picture")),
            new Rule(
                    Intent.WEB_SEARCH,
                    List.of(
                            "검색해",
                            "검색 해",
                            "인터넷",
                            "뉴스",
                            "찾아봐",
                            "구글",
                            "최신 소식",
                            "search the web",
                            "google",
                            "news",
                            "look up online",
                            "browse")),
            new Rule(
                    Intent.RECYCLABLE_PRICE,
                    List.of(
                            "가격",
                            "얼마",
                            "시세",
                            "고철값",
                            "팔면",
                            "팔 수",
                            "매입",
                            "price",
                            "how much",
                            "sell",
                            "worth",
                            "pays per kg")),
            new Rule(
                    Intent.CHARACTER,
                    List.of(
                            "캐릭터",
                            "이코",
                            "페티",
                            "페이피",
                            "팩토리",
                            "플리",
                            "비니",
                            "폼이",
                            "글래시",
                            "메탈리",
                            "코튼",
                            "배리",
                            "라이티",
                            "일렉",
                            "해금",
                            "잠금 해제",
                            "character",
                            "unlock")),
            new Rule(
                    Intent.COLLECTION_POINT,
                    List.of(
                            "수거함",
                            "수거 장소",
                            "수거처",
                            "재활용센터",
                            "재활용 센터",
                            "집하장",
                            "클린하우스",
                            "collection point",
                            "drop-off",
                            "drop off",
                            "recycling center",
                            "recycling centre",
                            "collection bin")),
            new Rule(
                    Intent.LOCATION,
                    List.of(
                            "근처",
                            "가까운",
                            "주변",
                            "위치",
                            "어디 있",
                            "어딨",
                            "near me",
                            "nearby",
                            "nearest",
                            "closest",
                            "around here",
                            "where is the")),
            new Rule(
                    Intent.BULK_WASTE,
                    List.of(
                            "대형폐기물",
                            "대형 폐기물",
                            "폐기물 스티커",
                            "스티커",
                            "소파",
                            "침대",
                            "매트리스",
                            "장롱",
                            "가구",
                            "책상",
                            "bulky",
                            "furniture",
                            "sofa",
                            "couch",
                            "mattress",
                            "wardrobe")),
            new Rule(
                    Intent.WASTE,
                    List.of(
                            "버려", "버리", "버릴", "분리", "재활용", "배출", "쓰레기", "음식물", "종량제", "recycl", "throw", "dispose",
                            "trash", "garbage", "waste", "bin ", "compost")));

    private IntentRules() {}

    public static Intent classify(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            for (String keyword : rule.keywords()) {
                if (text.contains(keyword)) return rule.intent();
            }
        }
        return Intent.GENERAL;
    }
}
