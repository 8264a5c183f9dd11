package eco2.common.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** The counts one service adds to its admin stats (users_total, items_total…); its own SQL, its own names. */
@FunctionalInterface
public interface AdminCounts {
    /** "Today" in the admin stats is the calendar day in Korea, where the app's users are. */
    ZoneId ZONE = ZoneId.of("Asia/Seoul");

    AdminCounts NONE = Map::of;

    Map<String, Long> counts();

    /** The instant today (Asia/Seoul) began, for the {@code *_today} counts. */
    static Instant startOfToday(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE)).atStartOfDay(ZONE).toInstant();
    }
}
