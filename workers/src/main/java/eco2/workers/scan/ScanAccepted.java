package eco2.workers.scan;

/** The 202 body of POST /scan: where to follow the task and where its result will be. */
public record ScanAccepted(String taskId, String status, String streamUrl, String resultUrl) {}
