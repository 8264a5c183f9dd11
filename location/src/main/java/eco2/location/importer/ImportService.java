package eco2.location.importer;

import eco2.common.error.Invalid;
import eco2.common.redis.DocumentCache;
import eco2.location.bins.BinRepository;
import eco2.location.bins.BinRow;
import eco2.location.centers.CenterRepository;
import eco2.location.centers.CenterRow;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports centres (KECO format) and bins (simple CSV): every row is checked first, then all good rows are upserted
 * by (source, source_id) in one transaction, and when anything changed the matching caches are invalidated. Rows
 * missing from a new file are kept: an import adds and corrects, it never deletes.
 */
public final class ImportService {
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final Jdbi jdbi;
    private final DocumentCache binCache;
    private final DocumentCache centerCache;

    /** {@code centerCache} shares its generation with every centre cache, so one bump clears them all. */
    public ImportService(Jdbi jdbi, DocumentCache binCache, DocumentCache centerCache) {
        this.jdbi = jdbi;
        this.binCache = binCache;
        this.centerCache = centerCache;
    }

    public ImportReport importCenters(Reader csv) {
        CsvReader reader = new CsvReader(csv);
        CsvHeader header = CsvHeader.read(reader, KecoCenterFormat.REQUIRED);
        return run(reader, record -> KecoCenterFormat.parse(header, record), this::saveCenter, centerCache);
    }

    /** {@code source} names the dataset (e.g. {@code seoul-clothes}); ids only need to be unique within it. */
    public ImportReport importBins(Reader csv, String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw Invalid.of("source", "must be 1-40 of a-z, 0-9, _ and -, starting with a letter or digit");
        }
        CsvReader reader = new CsvReader(csv);
        CsvHeader header = CsvHeader.read(reader, BinCsvFormat.REQUIRED);
        return run(reader, record -> BinCsvFormat.parse(header, record, source), this::saveBin, binCache);
    }

    /** Rows built in code (the dev sample), through the same upsert and invalidation. */
    public ImportReport saveCenters(List<CenterRow> rows) {
        return save(rows, List.of(), 0, this::saveCenter, centerCache);
    }

    public ImportReport saveBins(List<BinRow> rows) {
        return save(rows, List.of(), 0, this::saveBin, binCache);
    }

    private Optional<Boolean> saveCenter(Handle handle, CenterRow row) {
        return handle.attach(CenterRepository.class).upsert(row, row.hours());
    }

    private Optional<Boolean> saveBin(Handle handle, BinRow row) {
        return handle.attach(BinRepository.class).upsert(row);
    }

    private <T> ImportReport run(
            CsvReader reader,
            Function<CsvRecord, Parsed<T>> format,
            BiFunction<Handle, T, Optional<Boolean>> upsert,
            DocumentCache cache) {
        List<T> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int rejected = 0;
        Map<String, Integer> seenOn = new HashMap<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            Parsed<T> parsed = format.apply(record);
            String problem = parsed.problem();
            if (problem == null) {
                Integer first = seenOn.putIfAbsent(parsed.sourceId(), record.line());
                if (first != null) problem = "repeats the source id " + parsed.sourceId() + " of line " + first;
            }
            if (problem == null) {
                rows.add(parsed.row());
            } else {
                rejected++;
                if (rejections.size() < ImportReport.MAX_LISTED)
                    rejections.add(new Rejection(record.line(), parsed.sourceId(), problem));
            }
        }
        return save(rows, rejections, rejected, upsert, cache);
    }

    private <T> ImportReport save(
            List<T> rows,
            List<Rejection> rejections,
            int rejected,
            BiFunction<Handle, T, Optional<Boolean>> upsert,
            DocumentCache cache) {
        int[] counts = jdbi.inTransaction(handle -> {
            int[] c = new int[3]; // inserted, updated, unchanged
            for (T row : rows) {
                Optional<Boolean> inserted = upsert.apply(handle, row);
                c[inserted.isEmpty() ? 2 : inserted.get() ? 0 : 1]++;
            }
            return c;
        });
        if (counts[0] + counts[1] > 0) cache.invalidateAll();
        return new ImportReport(counts[0], counts[1], counts[2], rejected, List.copyOf(rejections));
    }
}
