package eco2.my.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** An ISO week in Seoul time, as {@code leaderboard:weekly:2026-W48} names it. */
public record Week(Instant start, Instant end, String label) {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public static Week of(Instant now) {
        LocalDate day = now.atZone(SEOUL).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Week(
                monday.atStartOfDay(SEOUL).toInstant(),
                monday.plusWeeks(1).atStartOfDay(SEOUL).toInstant(),
                label);
    }

    public String key() {
        return "leaderboard:weekly:" + label;
    }

    /** The board is kept for 8 days after its week ends. */
    public Instant expiresAt() {
        return end.plusSeconds(8L * 24 * 3600);
    }
}
