package eco2.common.events;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The consumer side's memory of applied events, written in the handler's transaction. */
public interface ProcessedEvents {
    /** 1 when this event is new, 0 when it was already applied. */
    @SqlUpdate("INSERT INTO processed_events (event_id, event_type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
    int markProcessed(@Bind("id") UUID id, @Bind("type") String type);
}
