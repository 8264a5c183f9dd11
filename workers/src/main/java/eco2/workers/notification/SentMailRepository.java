package eco2.workers.notification;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** For the admin stats: the mail worker's processed events are the mails it handed to the transport. */
public interface SentMailRepository {
    @SqlQuery("SELECT count(*) FROM processed_events WHERE event_type = :type AND processed_at >= :since")
    long countSince(@Bind("type") String type, @Bind("since") Instant since);
}
