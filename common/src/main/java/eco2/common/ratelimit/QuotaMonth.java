package eco2.common.ratelimit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The Asia/Seoul calendar month an API key's quota counts in, and how long until it turns. */
public record QuotaMonth(YearMonth month, long secondsLeft) {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("yyyyMM");

    public static QuotaMonth at(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(SEOUL));
        Instant next = month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant();
        return new QuotaMonth(month, Math.max(1, next.getEpochSecond() - now.getEpochSecond()));
    }

    /** {@code 202506}: part of the counter's Redis key. */
    public String tag() {
        return month.format(TAG);
    }

    /** {@code 2025-06}: as the usage endpoint shows it. */
    public String label() {
        return month.toString();
    }
}
