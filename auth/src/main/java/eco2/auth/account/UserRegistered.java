package eco2.auth.account;

import java.util.UUID;

/** Data of the {@code user.registered} event: {@code my} creates the profile and pays any invite from it. */
public record UserRegistered(UUID userId, String email, String username, String inviteCode) {
    public static final String TYPE = "user.registered";

    public static UserRegistered of(User user, String inviteCode) {
        return new UserRegistered(user.id(), user.email(), user.username(), inviteCode);
    }
}
