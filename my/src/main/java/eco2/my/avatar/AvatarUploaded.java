package eco2.my.avatar;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.EventFields;
import eco2.common.events.InvalidEvent;
import java.util.UUID;

/** The {@code avatar.uploaded} job: resize this stored original and make it the user's avatar. */
public record AvatarUploaded(UUID userId, String file, String contentType) {
    public static final String TYPE = "avatar.uploaded";

    /**
     * The job's data, checked: a canonical user id, a file name of the form this service gives originals (so no
     * path, {@code ..} or foreign name can reach the file system), and the content type that goes with its
     * extension. Anything else is an {@link InvalidEvent}, parked before any file or row is touched.
     */
    public static AvatarUploaded from(JsonNode data) {
        EventFields fields = EventFields.of(TYPE, data);
        UUID userId = fields.uuid("user_id");
        String file = fields.text("file");
        if (!AvatarStore.isOriginal(file)) throw new InvalidEvent(TYPE, "file is not an avatar original's name");
        String contentType = fields.text("content_type");
        ImageType type = ImageType.ofExtension(file.substring(file.lastIndexOf('.') + 1));
        if (!type.contentType.equals(contentType)) throw new InvalidEvent(TYPE, "content_type does not match the file");
        return new AvatarUploaded(userId, file, contentType);
    }
}
