package eco2.my.profile;

import io.javalin.openapi.OpenApiDescription;
import java.time.Instant;
import java.util.UUID;

/** A row of users.profiles, and what GET /me returns. */
public record Profile(
        UUID userId,
        String nickname,
        String avatarUrl,

        @OpenApiDescription("null before the first upload, then processing, ready or failed (the image did not decode;"
                + " the previous avatar stays)")
        String avatarStatus,

        String bio,
        long points,
        int level,
        int totalScans,
        int totalRecycles,
        String inviteCode,
        Instant createdAt,
        Instant updatedAt) {}
