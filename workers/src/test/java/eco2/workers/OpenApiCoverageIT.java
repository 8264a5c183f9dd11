package eco2.workers;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.OpenApiCoverage;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails when a scan, chat or admin route of workers is registered without an OpenAPI annotation. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (WorkersTestApp workers = WorkersTestApp.start(
                TestSmtp.settings(9), List.of(), Files.createTempDirectory("eco2-mailbox-unused"))) {
            OpenApiCoverage.Coverage coverage = OpenApiCoverage.assertCovers(workers.http, workers.module::routes);

            // 5 scan and character routes, 4 chat routes, 4 admin routes mounted under /api/v1/scan/admin.
            assertThat(coverage.routes()).hasSize(13);
        }
    }
}
