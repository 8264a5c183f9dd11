package eco2.auth.apikeys;

/** GET /api-keys/{id}/usage: requests counted this Asia/Seoul month (yyyy-MM), the quota and the minute rate. */
public record UsageView(String month, long requests, long quota, int ratePerMinute) {}
