package eco2.location.importer;

import eco2.location.centers.CenterRow;
import eco2.location.centers.OpeningHours;
import eco2.location.centers.Regions;
import eco2.location.geo.Coordinates;
import java.util.Arrays;
import java.util.List;

/**
 * The KECO 자원순환가게 (recycling compensation site) open-API format: {@code positnSn} is the site id,
 * {@code positnPstnLat}/{@code positnPstnLot} its latitude/longitude, {@code monSalsHrExplnCn}... the hours per
 * weekday, {@code clctItemCn} the accepted items one per line. The 시/도 and 시/군/구 come from the address.
 */
final class KecoCenterFormat {
    static final String SOURCE = "keco";
    static final List<String> REQUIRED = List.of("positnSn", "positnNm", "positnPstnLat", "positnPstnLot");

    private KecoCenterFormat() {}

    static Parsed<CenterRow> parse(CsvHeader header, CsvRecord record) {
        String problem = header.problem(record);
        if (problem != null) return Parsed.rejected(null, problem);
        String id = header.get(record, "positnSn");
        if (id == null) return Parsed.rejected(null, "positnSn (the site id) is empty");
        String name = header.get(record, "positnNm");
        if (name == null) return Parsed.rejected(id, "positnNm (the name) is empty");
        String latText = header.get(record, "positnPstnLat");
        String lonText = header.get(record, "positnPstnLot");
        if (latText == null || lonText == null) return Parsed.rejected(id, "has no coordinates");
        Double lat = Decimals.parse(latText);
        Double lon = Decimals.parse(lonText);
        if (lat == null) return Parsed.rejected(id, "latitude '" + latText + "' is not a number");
        if (lon == null) return Parsed.rejected(id, "longitude '" + lonText + "' is not a number");
        String where = Coordinates.importProblem(lat, lon);
        if (where != null) return Parsed.rejected(id, where);

        String road = header.get(record, "positnRdnmAddr");
        String lot = header.get(record, "positnLotnoAddr");
        Regions.Place place = Regions.fromAddress(lot != null ? lot : road);
        if (place.region() == null && road != null) place = Regions.fromAddress(road);
        String district =
                place.district() != null ? place.district() : regionNameDistrict(header.get(record, "positnRgnNm"));
        return Parsed.ok(
                new CenterRow(
                        SOURCE,
                        id,
                        name,
                        place.region(),
                        district,
                        road,
                        lot,
                        header.get(record, "positnPstnAddExpln"),
                        lat,
                        lon,
                        phone(header, record),
                        hours(header, record),
                        items(header.get(record, "clctItemCn")),
                        header.get(record, "etcMttrCn"),
                        header.get(record, "lnkgHmpgUrlAddr")),
                id);
    }

    /** positnRgnNm is "충북 충주시", "고양시" or "전주": its last word, when that is a 시/군/구. */
    private static String regionNameDistrict(String regionName) {
        if (regionName == null) return null;
        String[] words = regionName.split("\\s+");
        return Regions.districtOrNull(words[words.length - 1]);
    }

    private static String phone(CsvHeader header, CsvRecord record) {
        String main = header.get(record, "rprsTelnoCn");
        if (main != null) return main;
        String basic = header.get(record, "bscTelnoCn");
        return basic == null ? null : basic.lines().findFirst().orElse(null);
    }

    private static OpeningHours hours(CsvHeader header, CsvRecord record) {
        return new OpeningHours(
                header.get(record, "monSalsHrExplnCn"),
                header.get(record, "tuesSalsHrExplnCn"),
                header.get(record, "wedSalsHrExplnCn"),
                header.get(record, "thurSalsHrExplnCn"),
                header.get(record, "friSalsHrExplnCn"),
                header.get(record, "satSalsHrExplnCn"),
                header.get(record, "sunSalsHrExplnCn"),
                header.get(record, "lhldySalsHrExplnCn"));
    }

    static List<String> items(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("\n"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
