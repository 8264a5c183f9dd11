package eco2.location;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real KECO sample (409 rows) some importer tests read. It is shared data, never committed here: the path in the
 * system property {@code eco2.keco.csv} or the env var {@code ECO2_KECO_CSV} (CI sets it), else
 * {@code <repo root>/../shared/data/keco_recycle_compensation_sites.csv}. A configured path that is missing fails
 * the test; without configuration, a clone with no {@code ../shared} skips the real-file tests and relies on
 * {@link #fixture()}, a small file written for the tests in the same format.
 */
public final class KecoFile {
    private static final String NAME = "keco_recycle_compensation_sites.csv";

    private KecoFile() {}

    public static Path path() {
        String configured = System.getProperty("eco2.keco.csv", System.getenv("ECO2_KECO_CSV"));
        Path path = configured != null
                ? Path.of(configured)
                : repoRoot().resolveSibling("shared").resolve("data").resolve(NAME);
        assumeTrue(
                configured != null || Files.isRegularFile(path),
                "no KECO sample at " + path.toAbsolutePath() + " (set ECO2_KECO_CSV to run the real-file tests)");
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("The KECO sample " + path.toAbsolutePath() + " is missing. Put it there, or point "
                    + "-Deco2.keco.csv=... or ECO2_KECO_CSV at a copy (do not commit it).");
        }
        return path;
    }

    /**
     * {@code keco/keco-sample.csv} in the test resources: made-up sites in the KECO columns with the real file's
     * quirks (byte-order mark, CRLF, multi-line quoted fields, blank lines, malformed rows, a repeated site id).
     */
    public static Path fixture() {
        try {
            return Path.of(KecoFile.class.getResource("/keco/keco-sample.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes() throws IOException {
        return Files.readAllBytes(path());
    }

    /** The header line: the 33 positn* column names (the same in the fixture as in the real file). */
    public static String header() throws IOException {
        try (var lines = Files.lines(fixture())) {
            return lines.findFirst().orElseThrow().replace("\uFEFF", "");
        }
    }

    /** The directory holding the root pom and the location module (tests run with location/ as working directory). */
    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("location/pom.xml")))
                return dir;
        }
        throw new AssertionError(
                "Cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
}
