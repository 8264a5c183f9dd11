package eco2.location.centers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 17 시/도 under their official names, the short forms addresses and people use (서울, 충북, 전라북도, ...),
 * and the district (시/군/구) that follows them in an address.
 */
public final class Regions {
    private static final Map<String, String> PROVINCES = provinces();

    private Regions() {}

    /** Where an address lies: canonical 시/도 (null when unknown) and 시/군/구 (null when the address has none). */
    public record Place(String region, String district) {}

    /** The official 시/도 name for a name or short form, else null. */
    public static String province(String name) {
        return name == null ? null : PROVINCES.get(name.trim());
    }

    /** Reads "충북 청주시 흥덕구 ...", "인천광역시 미추홀구-1530 ..." (a data-entry slip) or "세종특별자치시 한누리대로". */
    public static Place fromAddress(String address) {
        if (address == null || address.isBlank()) return new Place(null, null);
        String[] tokens = address.trim().split("\\s+");
        String region = province(tokens[0]);
        if (region == null) return new Place(null, null);
        String district = tokens.length > 1 ? districtOrNull(tokens[1].replaceFirst("-\\d+$", "")) : null;
        return new Place(region, district);
    }

    /** A 시/군/구 token, or null for anything else (a road or 동 name where a district was expected). */
    public static String districtOrNull(String token) {
        if (token == null || token.length() < 2) return null;
        char last = token.charAt(token.length() - 1);
        return last == '시' || last == '군' || last == '구' ? token : null;
    }

    /**
     * What {@code ?region=} selects: a 시/도 ("충북"), a district ("청주시", or "청주" meaning 청주시 or 청주군), or both
     * ("인천 서구"). Null when the text is none of these.
     */
    public static RegionFilter filter(String text) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length == 1) {
            String province = province(tokens[0]);
            return province != null
                    ? new RegionFilter(province, List.of())
                    : new RegionFilter(null, districts(tokens[0]));
        }
        if (tokens.length == 2 && province(tokens[0]) != null) {
            return new RegionFilter(province(tokens[0]), districts(tokens[1]));
        }
        return null;
    }

    private static List<String> districts(String name) {
        return districtOrNull(name) != null ? List.of(name) : List.of(name + "시", name + "군", name + "구");
    }

    private static Map<String, String> provinces() {
        Map<String, String> names = new HashMap<>();
        add(names, "서울특별시", "서울", "서울시");
        add(names, "부산광역시", "부산", "부산시");
        add(names, "대구광역시", "대구", "대구시");
        add(names, "인천광역시", "인천", "인천시");
        add(names, "광주광역시", "광주");
        add(names, "대전광역시", "대전", "대전시");
        add(names, "울산광역시", "울산", "울산시");
        add(names, "세종특별자치시", "세종", "세종시");
        add(names, "경기도", "경기");
        add(names, "강원특별자치도", "강원", "강원도");
        add(names, "충청북도", "충북");
        add(names, "충청남도", "충남");
        add(names, "전북특별자치도", "전북", "전라북도");
        add(names, "전라남도", "전남");
        add(names, "경상북도", "경북");
        add(names, "경상남도", "경남");
        add(names, "제주특별자치도", "제주", "제주도");
        return Map.copyOf(names);
    }

    private static void add(Map<String, String> names, String official, String... aliases) {
        names.put(official, official);
        for (String alias : aliases) names.put(alias, official);
    }
}
