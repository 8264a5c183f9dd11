package eco2.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of auth.users. */
public record User(
        UUID id,
        String email,
        String username,
        String passwordHash,
        List<String> roles,
        boolean isActive,
        boolean isVerified,
        Instant createdAt) {}
