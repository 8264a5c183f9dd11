package eco2.location.importer;

import java.util.List;

/** One CSV record: the line it starts on (1-based, physical), its fields, and why it is malformed (else null). */
public record CsvRecord(int line, List<String> fields, String error) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
