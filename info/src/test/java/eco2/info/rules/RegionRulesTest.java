package eco2.info.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionRulesTest {
    static final RegionRules SEOUL = new RegionRules(
            "seoul",
            "서울특별시",
            List.of("서울"),
            "봉투",
            new RegionRules.FoodWaste(List.of("RFID"), "상세"),
            "신고",
            "재활용",
            "구청 확인",
            List.of("강남구", "중구", "군위군"),
            "출처",
            LocalDate.of(2026, 11, 1),
            null);

    @Test
    void aDistrictIsFoundByItsNameWithOrWithoutTheSuffixAndSpaces() {
        assertThat(SEOUL.findDistrict("강남구")).contains("강남구");
        assertThat(SEOUL.findDistrict("강남")).contains("강남구");
        assertThat(SEOUL.findDistrict(" 강 남 구 ")).contains("강남구");
        assertThat(SEOUL.findDistrict("군위")).contains("군위군");
        assertThat(SEOUL.findDistrict("서초구")).isEmpty();
        assertThat(SEOUL.findDistrict("구")).isEmpty();
    }

    @Test
    void withDistrictChangesOnlyTheDistrict() {
        RegionRules chosen = SEOUL.withDistrict("중구");
        assertThat(chosen.district()).isEqualTo("중구");
        assertThat(chosen.withDistrict(null)).isEqualTo(SEOUL);
    }
}
