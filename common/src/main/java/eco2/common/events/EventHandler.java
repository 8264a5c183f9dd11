package eco2.common.events;

import org.jdbi.v3.core.Handle;

/** Applies one event inside the consumer's transaction; throwing rolls the effects back and retries. */
@FunctionalInterface
public interface EventHandler {
    void handle(Handle transaction, EventEnvelope event) throws Exception;
}
