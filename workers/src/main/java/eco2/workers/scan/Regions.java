package eco2.workers.scan;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The 17 시/도 by the names info's rules accept (key, full name, short forms), to refuse a bad region up front. */
final class Regions {
    private static final List<String> NAMES = List.of(
            "seoul 서울특별시 서울 서울시",
            "busan 부산광역시 부산 부산시",
            "daegu 대구광역시 대구 대구시",
            "incheon 인천광역시 인천 인천시",
            "gwangju 광주광역시 광주",
            "daejeon 대전광역시 대전 대전시",
            "ulsan 울산광역시 울산 울산시",
            "sejong 세종특별자치시 세종 세종시",
            "gyeonggi 경기도 경기 gyeonggi-do",
            "gangwon 강원특별자치도 강원 강원도 gangwon-do",
            "chungbuk 충청북도 충북 chungcheongbuk-do",
            "chungnam 충청남도 충남 chungcheongnam-do",
            "jeonbuk 전북특별자치도 전북 전라북도 jeollabuk-do",
            "jeonnam 전라남도 전남 jeollanam-do",
            "gyeongbuk 경상북도 경북 gyeongsangbuk-do",
            "gyeongnam 경상남도 경남 gyeongsangnam-do",
            "jeju 제주특별자치도 제주 제주도 jeju-do");
    private static final Set<String> KNOWN = new HashSet<>();

    static {
        NAMES.forEach(line -> KNOWN.addAll(List.of(line.split(" "))));
    }

    private Regions() {}

    static boolean known(String region) {
        return KNOWN.contains(region.replace(" ", "").toLowerCase(Locale.ROOT));
    }
}
