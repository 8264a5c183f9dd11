package eco2.info.stats;

import eco2.info.search.SearchLog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Catalogue and usage figures: items per category, the top 10 searches of the last 7 days, the 5 most viewed FAQs. */
public final class StatsService {
    static final int DAYS = 7;
    static final int TOP_SEARCHES = 10;
    static final int TOP_FAQS = 5;

    private final Jdbi jdbi;
    private final Clock clock;

    public StatsService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Stats stats() {
        LocalDate since = LocalDate.now(clock.withZone(SearchLog.ZONE)).minusDays(DAYS - 1);
        return jdbi.inTransaction(handle -> {
            StatsRepository repo = handle.attach(StatsRepository.class);
            List<Stats.CategoryCount> categories = repo.itemsByCategory();
            long total = categories.stream()
                    .mapToLong(Stats.CategoryCount::itemCount)
                    .sum();
            return new Stats(total, categories, repo.topSearches(since, TOP_SEARCHES), repo.mostViewed(TOP_FAQS));
        });
    }
}
