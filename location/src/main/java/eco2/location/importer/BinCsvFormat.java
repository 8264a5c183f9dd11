package eco2.location.importer;

import eco2.location.bins.BinRow;
import eco2.location.bins.BinType;
import eco2.location.geo.Coordinates;
import java.util.List;
import java.util.Locale;

/**
 * Bins as CSV with the header {@code name,address,latitude,longitude,bin_type,region} (any order; other columns
 * are ignored). {@code bin_type} takes the API names or Korean ones (의류, 폐건전지, ...). A {@code source_id}
 * column names rows across imports; without it a bin is known by its type and position to 6 decimals (about 10 cm).
 */
final class BinCsvFormat {
    static final List<String> REQUIRED = List.of("name", "address", "latitude", "longitude", "bin_type", "region");

    /** The longest name, address and region a bin may have; the V4 migration holds the same limits. */
    static final int MAX_NAME = 200;

    static final int MAX_ADDRESS = 300;
    static final int MAX_REGION = 50;

    private BinCsvFormat() {}

    /** Names the first field over its limit; the nearby index carries these columns, so they must stay small. */
    private static String tooLong(String name, String address, String region) {
        if (name.length() > MAX_NAME) return "name is longer than " + MAX_NAME + " characters";
        if (address != null && address.length() > MAX_ADDRESS) {
            return "address is longer than " + MAX_ADDRESS + " characters";
        }
        if (region != null && region.length() > MAX_REGION)
            return "region is longer than " + MAX_REGION + " characters";
        return null;
    }

    static Parsed<BinRow> parse(CsvHeader header, CsvRecord record, String source) {
        String problem = header.problem(record);
        if (problem != null) return Parsed.rejected(null, problem);
        String given = header.get(record, "source_id");
        String name = header.get(record, "name");
        if (name == null) return Parsed.rejected(given, "name is empty");
        String tooLong = tooLong(name, header.get(record, "address"), header.get(record, "region"));
        if (tooLong != null) return Parsed.rejected(given, tooLong);
        Double lat = Decimals.parse(header.get(record, "latitude"));
        Double lon = Decimals.parse(header.get(record, "longitude"));
        if (lat == null || lon == null) {
            return Parsed.rejected(
                    given,
                    "latitude and longitude must be decimal numbers, got '" + header.get(record, "latitude") + "', '"
                            + header.get(record, "longitude") + "'");
        }
        String where = Coordinates.importProblem(lat, lon);
        if (where != null) return Parsed.rejected(given, where);
        String typeText = header.get(record, "bin_type");
        BinType type = BinType.fromImport(typeText).orElse(null);
        if (type == null) return Parsed.rejected(given, "bin_type '" + typeText + "' is not one of " + BinType.ALLOWED);
        String id = given != null ? given : String.format(Locale.ROOT, "%s:%.6f:%.6f", type.wire(), lat, lon);
        return Parsed.ok(
                new BinRow(
                        source,
                        id,
                        name,
                        header.get(record, "address"),
                        lat,
                        lon,
                        type.wire(),
                        header.get(record, "region")),
                id);
    }
}
