package eco2.location.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CenterMergeTest {
    @Test
    void namesCompareByLettersAndDigitsOnly() {
        assertThat(CenterMerge.normalise(" 고양동 종합복지회관(본관) ")).isEqualTo("고양동종합복지회관본관");
        assertThat(CenterMerge.normalise("ECO-Center 2")).isEqualTo("ecocenter2");
    }

    @Test
    void aKakaoPlaceNearADatabaseCentreWithAMatchingNameIsTheSameCentre() {
        Center ours = center("keco:1", "고양동 종합복지회관", 37.70000, 50.0);
        assertThat(CenterMerge.samePlace(ours, center("kakao:1", "고양동종합복지회관 재활용센터", 37.70080, 0)))
                .isTrue();
        assertThat(CenterMerge.samePlace(ours, center("kakao:2", "고양동 종합복지회관", 37.70100, 0)))
                .as("111 m away")
                .isFalse();
        assertThat(CenterMerge.samePlace(ours, center("kakao:3", "주교동 행정복지센터", 37.70000, 0)))
                .isFalse();
        assertThat(CenterMerge.samePlace(center("keco:2", "가", 37.7, 0), center("kakao:4", "가나", 37.7, 0)))
                .as("one-letter names prove nothing")
                .isFalse();
    }

    @Test
    void theMergeIsNearestFirstWithoutDuplicatesAndLimited() {
        List<Center> database =
                List.of(center("keco:1", "A 센터", 37.70000, 50), center("keco:2", "B 센터", 37.71000, 900));
        List<Center> kakao = List.of(
                center("kakao:9", "A센터", 37.70010, 40),
                center("kakao:8", "C 센터", 37.72, 300),
                center("kakao:8", "C 센터", 37.72, 300),
                center("kakao:7", "D 센터", 37.73, 300));
        assertThat(CenterMerge.merge(database, kakao, 10))
                .extracting(Center::id)
                .containsExactly("keco:1", "kakao:7", "kakao:8", "keco:2");
        assertThat(CenterMerge.merge(database, kakao, 2)).extracting(Center::id).containsExactly("keco:1", "kakao:7");
    }

    private static Center center(String id, String name, double lat, double distance) {
        return new Center(
                id,
                id.substring(0, id.indexOf(':')),
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                lat,
                127.0,
                null,
                null,
                List.of(),
                null,
                null,
                distance);
    }
}
