package eco2.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What GET /me returns (and what is cached as user:info:{id}). */
public record UserView(
        UUID id,
        String email,
        String username,
        List<String> roles,
        boolean isActive,
        boolean isVerified,
        Instant createdAt) {
    static UserView of(User user) {
        return new UserView(
                user.id(),
                user.email(),
                user.username(),
                user.roles(),
                user.isActive(),
                user.isVerified(),
                user.createdAt());
    }
}
