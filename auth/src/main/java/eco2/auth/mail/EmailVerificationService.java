package eco2.auth.mail;

import eco2.auth.account.EmailOwnership;
import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.common.error.BadRequest;
import eco2.common.error.Conflict;
import eco2.common.error.Unauthorized;
import eco2.common.redis.DocumentCache;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Mails a verification link to the signed-in user, and marks the account verified when the link comes back. */
public final class EmailVerificationService {
    static final Duration TOKEN_TTL = Duration.ofHours(24);

    private final Jdbi jdbi;
    private final EmailLinks links;
    private final DocumentCache accountCache;
    private final EmailOwnership ownership;

    public EmailVerificationService(Jdbi jdbi, EmailLinks links, DocumentCache accountCache, EmailOwnership ownership) {
        this.jdbi = jdbi;
        this.links = links;
        this.accountCache = accountCache;
        this.ownership = ownership;
    }

    public void request(UUID userId, String language) {
        jdbi.useTransaction(handle -> {
            User user = handle.attach(UserRepository.class)
                    .findById(userId)
                    .filter(User::isActive)
                    .orElseThrow(() -> new Unauthorized("Account no longer exists or is deactivated"));
            if (user.email() == null) throw new Conflict("This account has no email address to verify");
            if (user.isVerified()) throw new Conflict("Email is already verified");
            links.send(handle, user, EmailNotification.VERIFY_EMAIL, TOKEN_TTL, language);
        });
    }

    public VerifiedView verify(String token) {
        Optional<UUID> verified = jdbi.inTransaction(handle -> {
            Optional<UUID> userId = links.redeem(handle, token, EmailNotification.VERIFY_EMAIL);
            userId.ifPresent(id -> ownership.confirm(handle, id));
            return userId;
        });
        UUID userId = verified.orElseThrow(
                () -> new BadRequest("Verification link is invalid, expired or already used; request a new one"));
        accountCache.invalidate(userId);
        return new VerifiedView(true);
    }
}
