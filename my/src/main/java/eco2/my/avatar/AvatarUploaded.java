package eco2.my.avatar;

import java.util.UUID;

/** The {@code avatar.uploaded} job: resize this stored original and make it the user's avatar. */
public record AvatarUploaded(UUID userId, String file, String contentType) {
    public static final String TYPE = "avatar.uploaded";
}
