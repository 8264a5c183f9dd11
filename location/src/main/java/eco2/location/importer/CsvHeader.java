package eco2.location.importer;

import eco2.common.error.Invalid;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The column names of a CSV file, so rows are read by name and the column order does not matter. */
final class CsvHeader {
    private final Map<String, Integer> columns;
    private final int width;

    private CsvHeader(Map<String, Integer> columns, int width) {
        this.columns = columns;
        this.width = width;
    }

    /** Reads the header record; 422 naming the file when it is missing or lacks a required column. */
    static CsvHeader read(CsvReader reader, List<String> required) {
        CsvRecord header = reader.next();
        if (header == null) throw Invalid.of("file", "is empty");
        if (header.error() != null) throw Invalid.of("file", "the header is malformed: " + header.error());
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(header.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = required.stream()
                .filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) throw Invalid.of("file", "the header lacks the columns: " + String.join(", ", missing));
        return new CsvHeader(Map.copyOf(columns), header.fields().size());
    }

    /** Why a record cannot be read against this header, or null. */
    String problem(CsvRecord record) {
        if (record.error() != null) return record.error();
        if (record.fields().size() != width)
            return "expected " + width + " fields, found " + record.fields().size();
        return null;
    }

    /** The trimmed value of a column, null when blank or when the file has no such column. */
    String get(CsvRecord record, String column) {
        Integer index = columns.get(column.toLowerCase(Locale.ROOT));
        if (index == null || index >= record.fields().size()) return null;
        String value = record.fields().get(index).trim();
        return value.isEmpty() ? null : value;
    }
}
