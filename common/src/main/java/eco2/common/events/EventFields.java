package eco2.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Strict readers for the fields of an event's {@code data}: a wrong type or a malformed value is an
 * {@link InvalidEvent} naming the field, never a silent default (a missing {@code paying} must not read as false).
 * Every service's consumers read their events through it, so an id is only ever a canonical UUID.
 */
public final class EventFields {
    private final String type;
    private final JsonNode data;

    private EventFields(String type, JsonNode data) {
        this.type = type;
        this.data = data;
    }

    public static EventFields of(String type, JsonNode data) {
        if (data == null || !data.isObject()) throw new InvalidEvent(type, "data is not an object");
        return new EventFields(type, data);
    }

    /** The fields of this event's {@code data}, reported under its type. */
    public static EventFields of(EventEnvelope event) {
        return of(event.type(), event.data());
    }

    public UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) throw new InvalidEvent(type, field + " is missing");
        return value;
    }

    /** Null when absent or JSON null. */
    public UUID optionalUuid(String field) {
        String text = optionalText(field);
        if (text == null) return null;
        try {
            UUID value = UUID.fromString(text);
            // UUID.fromString also takes short forms such as "1-1-1-1-1"; only the canonical spelling is an id.
            if (value.toString().equalsIgnoreCase(text)) return value;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidEvent(type, field + " is not a UUID");
    }

    public boolean bool(String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) throw new InvalidEvent(type, field + " is missing");
        if (!value.isBoolean()) throw new InvalidEvent(type, field + " is not a boolean");
        return value.booleanValue();
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null || value.isBlank()) throw new InvalidEvent(type, field + " is missing");
        return value;
    }

    /** Null when absent or JSON null. */
    public String optionalText(String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new InvalidEvent(type, field + " is not a string");
        return value.textValue();
    }
}
