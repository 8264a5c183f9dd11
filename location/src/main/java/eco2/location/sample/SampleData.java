package eco2.location.sample;

import eco2.location.bins.BinRow;
import eco2.location.bins.BinType;
import eco2.location.centers.CenterRow;
import eco2.location.centers.OpeningHours;
import eco2.location.importer.ImportReport;
import eco2.location.importer.ImportService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small made-up data set for the dev stack: 28 bins and 6 centres around Seoul City Hall, every one with source
 * {@code sample} and a name starting with "[sample]", so nobody mistakes it for real data. Loaded at start-up
 * when LOCATION_SAMPLE_DATA is on (the dev default; off in production); loading it again changes nothing.
 */
public final class SampleData {
    public static final String SOURCE = "sample";
    public static final double CITY_HALL_LAT = 37.5663;
    public static final double CITY_HALL_LON = 126.9779;
    private static final double METRES_PER_DEGREE = 111_195;

    private SampleData() {}

    public static ImportReport load(ImportService imports) {
        ImportReport bins = imports.saveBins(bins());
        ImportReport centers = imports.saveCenters(centers());
        return new ImportReport(
                bins.inserted() + centers.inserted(),
                bins.updated() + centers.updated(),
                bins.unchanged() + centers.unchanged(),
                0,
                List.of());
    }

    /** A spiral out from City Hall, 60 m to about 1.7 km, cycling through the bin types. */
    static List<BinRow> bins() {
        BinType[] types = BinType.values();
        List<BinRow> rows = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            double metres = 60 + 60.0 * i;
            double angle = Math.toRadians(i * 137.5); // the golden angle spreads points evenly
            double lat = CITY_HALL_LAT + metres * Math.cos(angle) / METRES_PER_DEGREE;
            double lon = CITY_HALL_LON
                    + metres * Math.sin(angle) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(CITY_HALL_LAT)));
            BinType type = types[i % types.length];
            rows.add(new BinRow(
                    SOURCE,
                    "bin-" + (i + 1),
                    String.format(Locale.ROOT, "[sample] 시청 주변 %s 수거함 %d", type.wire(), i + 1),
                    "서울특별시 중구 세종대로 110 부근 (sample)",
                    round(lat),
                    round(lon),
                    type.wire(),
                    "서울특별시"));
        }
        return rows;
    }

    static List<CenterRow> centers() {
        OpeningHours weekdays = new OpeningHours(
                "09:00~18:00", "09:00~18:00", "09:00~18:00", "09:00~18:00", "09:00~18:00", "10:00~14:00", "휴무", "휴무");
        double[][] spots = {
            {37.5651, 126.9895},
            {37.5700, 126.9768},
            {37.5612, 126.9822},
            {37.5729, 126.9862},
            {37.5596, 126.9703},
            {37.5688, 126.9662}
        };
        List<CenterRow> rows = new ArrayList<>();
        for (int i = 0; i < spots.length; i++) {
            rows.add(new CenterRow(
                    SOURCE,
                    "center-" + (i + 1),
                    "[sample] 중구 자원순환센터 " + (i + 1),
                    "서울특별시",
                    "중구",
                    "서울특별시 중구 세종대로 110 부근 (sample)",
                    null,
                    "sample data for local development",
                    spots[i][0],
                    spots[i][1],
                    "02-0000-000" + i,
                    weekdays,
                    List.of("투명페트병", "캔", "종이팩", "폐건전지"),
                    "sample data, not a real site",
                    null));
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
