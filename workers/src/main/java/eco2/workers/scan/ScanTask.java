package eco2.workers.scan;

import java.time.Instant;
import java.util.UUID;

/** One row of scan.tasks; the stage outcomes are JSON text as stored (null until that stage has run). */
public record ScanTask(
        UUID id,
        UUID userId,
        String caller,
        String inputText,
        String region,
        boolean hasImage,
        String status,
        String stage,
        int progress,
        String classification,
        String facts,
        String answer,
        Boolean paying,
        String unlocked,
        String result,
        String errorCode,
        String errorMessage,
        Instant createdAt) {

    public boolean finished() {
        return status.equals("done") || status.equals("failed");
    }
}
