package eco2.my.profile;

import java.time.Instant;
import java.util.UUID;

/** A row of users.profiles, and what GET /me returns. */
public record Profile(
        UUID userId,
        String nickname,
        String avatarUrl,
        String bio,
        long points,
        int level,
        int totalScans,
        int totalRecycles,
        String inviteCode,
        Instant createdAt,
        Instant updatedAt) {}
