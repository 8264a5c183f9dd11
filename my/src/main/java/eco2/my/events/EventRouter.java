package eco2.my.events;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Several event types on one queue: each goes to its own handler. The queue is bound to exactly the types listed
 * here, so the bindings and the dispatch cannot drift apart.
 */
public final class EventRouter implements EventHandler {
    private final Map<String, EventHandler> byType;

    public EventRouter(Map<String, EventHandler> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The routing keys to bind, sorted so the bindings are the same on every start. */
    public List<String> types() {
        return byType.keySet().stream().sorted().toList();
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) throws Exception {
        EventHandler handler = byType.get(event.type());
        if (handler == null) throw new IllegalArgumentException("no handler for " + event.type());
        handler.handle(transaction, event);
    }
}
