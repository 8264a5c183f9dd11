package eco2.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Records an event in the caller's transaction: the change and its event commit together or not at all.
 * The {@link OutboxRelay} publishes it afterwards.
 */
public final class OutboxWriter {
    private final ObjectMapper mapper;
    private final String source;
    private final Clock clock;

    public OutboxWriter(ObjectMapper mapper, String source, Clock clock) {
        this.mapper = mapper;
        this.source = source;
        this.clock = clock;
    }

    /** Returns the event id, which consumers use to stay idempotent. */
    public UUID append(Handle transaction, String type, Object data) {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id, type, clock.instant(), source, mapper.valueToTree(data));
        transaction.attach(OutboxRepository.class).insert(id, type, Json.write(mapper, envelope));
        return id;
    }
}
