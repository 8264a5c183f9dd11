package eco2.auth.account;

import java.time.Instant;
import java.util.UUID;

/** What POST /register returns. */
public record RegisteredView(UUID id, String email, String username, boolean isVerified, Instant createdAt) {
    static RegisteredView of(User user) {
        return new RegisteredView(user.id(), user.email(), user.username(), user.isVerified(), user.createdAt());
    }
}
