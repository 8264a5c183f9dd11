package eco2.auth.account;

import java.util.UUID;

/** Data of the {@code user.verified} event: the account's email was proved for the first time. */
public record UserVerified(UUID userId) {
    public static final String TYPE = "user.verified";
}
