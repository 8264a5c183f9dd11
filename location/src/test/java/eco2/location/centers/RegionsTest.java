package eco2.location.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionsTest {
    @ParameterizedTest
    @CsvSource({
        "서울,서울특별시",
        "서울시,서울특별시",
        "충북,충청북도",
        "전라북도,전북특별자치도",
        "전북특별자치도,전북특별자치도",
        "강원도,강원특별자치도",
        "세종,세종특별자치시",
        "광주,광주광역시",
        "제주도,제주특별자치도"
    })
    void provincesByAnyCommonName(String name, String official) {
        assertThat(Regions.province(name)).isEqualTo(official);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "충북 청주시 흥덕구 문암동 100, 충청북도, 청주시",
                "인천광역시 미추홀구-1530 주안동, 인천광역시, 미추홀구",
                "경기도 고양시 덕양구 고양동 233-2, 경기도, 고양시",
                "전북특별자치도 금암동 1, 전북특별자치도, -",
                "세종특별자치시 한누리대로 2130, 세종특별자치시, -",
                "고양시 덕양구 혜음로 19-11, -, -",
                "'', -, -"
            })
    void placesFromAddresses(String address, String region, String district) {
        assertThat(Regions.fromAddress(address)).isEqualTo(new Regions.Place(region, district));
    }

    @Test
    void filtersReadProvincesDistrictsAndBoth() {
        assertThat(Regions.filter("충북")).isEqualTo(new RegionFilter("충청북도", List.of()));
        assertThat(Regions.filter(" 청주시 ")).isEqualTo(new RegionFilter(null, List.of("청주시")));
        assertThat(Regions.filter("청주")).isEqualTo(new RegionFilter(null, List.of("청주시", "청주군", "청주구")));
        assertThat(Regions.filter("인천  서구")).isEqualTo(new RegionFilter("인천광역시", List.of("서구")));
        assertThat(Regions.filter("서구 인천")).isNull();
        assertThat(Regions.filter("충북 청주시 흥덕구")).isNull();
        assertThat(Regions.filter("충북").key()).isEqualTo("충청북도/*");
        assertThat(Regions.filter("인천 서구").key()).isEqualTo("인천광역시/서구");
    }
}
