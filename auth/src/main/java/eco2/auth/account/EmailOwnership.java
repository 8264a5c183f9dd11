package eco2.auth.account;

import eco2.auth.oauth.SocialAccountRepository;
import eco2.common.events.OutboxWriter;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The one place an account's email becomes verified (a verification link, a reset link, or a provider that
 * verified it). The first time, provider links made without a verified email are dropped, so a sign-in that
 * claimed someone's address before they proved it cannot open the account afterwards, and {@code user.verified}
 * is published in the same transaction.
 */
public final class EmailOwnership {
    private final OutboxWriter outbox;

    public EmailOwnership(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Returns whether this was the account's first verification. */
    public boolean confirm(Handle transaction, UUID userId) {
        if (transaction.attach(UserRepository.class).markVerified(userId) == 0) return false;
        transaction.attach(SocialAccountRepository.class).unlinkUnverified(userId);
        announce(transaction, userId);
        return true;
    }

    /** For an account created already verified (by a provider): nothing to unlink, only the event. */
    public void announce(Handle transaction, UUID userId) {
        outbox.append(transaction, UserVerified.TYPE, new UserVerified(userId));
    }
}
