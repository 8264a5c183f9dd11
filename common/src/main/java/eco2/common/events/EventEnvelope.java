package eco2.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** What travels on {@code eco2.events}: {@code {id, type, occurred_at, source, data}}; the type is the routing key. */
public record EventEnvelope(UUID id, String type, Instant occurredAt, String source, JsonNode data) {}
