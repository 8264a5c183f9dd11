package eco2.location.importer;

import java.util.List;

/**
 * What an import did. {@code unchanged} rows matched the stored ones exactly, so a repeated import reports only
 * those. {@code rejections} lists the first {@value #MAX_LISTED} rejected rows; {@code rejected} counts all of them.
 */
public record ImportReport(int inserted, int updated, int unchanged, int rejected, List<Rejection> rejections) {
    public static final int MAX_LISTED = 1000;
}
