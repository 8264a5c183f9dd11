package eco2.my.activity;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.EventFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Data of {@code character.unlocked}, checked: the user, the scan task behind it (or null), the code and name. */
public record CharacterUnlocked(UUID userId, UUID taskId, String code, String name) {
    public static final String TYPE = "character.unlocked";

    public static CharacterUnlocked from(JsonNode data) {
        EventFields fields = EventFields.of(TYPE, data);
        return new CharacterUnlocked(
                fields.uuid("user_id"), fields.optionalUuid("task_id"), fields.text("code"), fields.text("name"));
    }

    /** The activity's metadata; task_id stays as JSON null for an unlock no scan caused (e.g. by an admin). */
    public Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("code", code);
        metadata.put("name", name);
        metadata.put("task_id", taskId == null ? null : taskId.toString());
        return metadata;
    }
}
