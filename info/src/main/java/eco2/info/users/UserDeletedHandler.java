package eco2.info.users;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import eco2.info.faq.FaqRepository;
import eco2.info.search.SearchLog;
import eco2.info.search.SearchLogRepository;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.deleted} (from my's account deletion) → what info holds about the user goes: their search history
 * (user_queries) and their FAQ "helpful" votes. The anonymous totals (search_counts, helpful_count) stay. A user_id
 * that is not a canonical UUID is an invalid event, parked untouched.
 */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";

    private final SearchLog searchLog;

    public UserDeletedHandler(SearchLog searchLog) {
        this.searchLog = searchLog;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        UUID userId = EventFields.of(event).uuid("user_id");
        // Searches this instance still holds in memory are written first, so the delete below finds them too.
        searchLog.flush();
        transaction.attach(SearchLogRepository.class).deleteHistoryOf(userId);
        transaction.attach(FaqRepository.class).deleteVotesOf(userId);
    }
}
