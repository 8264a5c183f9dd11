package eco2.my.points;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.EventFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code scan.completed}, checked: task and user are UUIDs, {@code paying} a boolean (workers decides
 * whether a scan pays: signed-in caller, item identified, daily cap), item and category may be null.
 */
public record ScanCompleted(UUID taskId, UUID userId, UUID itemId, String category, boolean paying) {
    public static final String TYPE = "scan.completed";

    public static ScanCompleted from(JsonNode data) {
        EventFields fields = EventFields.of(TYPE, data);
        return new ScanCompleted(
                fields.uuid("task_id"),
                fields.uuid("user_id"),
                fields.optionalUuid("item_id"),
                fields.optionalText("category"),
                fields.bool("paying"));
    }

    /** The scan activity's metadata; item and category stay as JSON null when the scan named none. */
    public Map<String, Object> metadata(UUID eventId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event_id", eventId.toString());
        metadata.put("task_id", taskId.toString());
        metadata.put("item_id", itemId == null ? null : itemId.toString());
        metadata.put("category", category);
        return metadata;
    }
}
