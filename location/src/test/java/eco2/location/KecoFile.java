package eco2.location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real KECO sample (409 rows) the importer tests read. It is shared data, never committed here: by default
 * {@code <repo root>/../shared/data/keco_recycle_compensation_sites.csv}, else the path in the system property
 * {@code eco2.keco.csv} or the env var {@code ECO2_KECO_CSV}. A missing file fails the test; nothing is skipped.
 */
public final class KecoFile {
    private static final String NAME = "keco_recycle_compensation_sites.csv";

    private KecoFile() {}

    public static Path path() {
        String configured = System.getProperty("eco2.keco.csv", System.getenv("ECO2_KECO_CSV"));
        Path path = configured != null
                ? Path.of(configured)
                : repoRoot().resolveSibling("shared").resolve("data").resolve(NAME);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("The KECO sample " + path.toAbsolutePath() + " is missing. Put it there, or point "
                    + "-Deco2.keco.csv=... or ECO2_KECO_CSV at a copy (do not commit it).");
        }
        return path;
    }

    public static byte[] bytes() throws IOException {
        return Files.readAllBytes(path());
    }

    /** The header line: the 33 positn* column names. */
    public static String header() throws IOException {
        try (var lines = Files.lines(path())) {
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
