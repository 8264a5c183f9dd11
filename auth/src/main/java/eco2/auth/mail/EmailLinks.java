package eco2.auth.mail;

import eco2.auth.OpaqueTokens;
import eco2.auth.account.User;
import eco2.common.events.OutboxWriter;
import eco2.common.security.TokenSeal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * One-time links by mail: a fresh 256-bit token whose hash is stored with an expiry, and a
 * {@code notification.email} event in the same transaction, so the mail goes out exactly when the token exists.
 * The event carries the token sealed for the notification worker, never in the clear.
 */
public final class EmailLinks {
    private final OutboxWriter outbox;
    private final TokenSeal seal;
    private final Clock clock;

    public EmailLinks(OutboxWriter outbox, TokenSeal seal, Clock clock) {
        this.outbox = outbox;
        this.seal = seal;
        this.clock = clock;
    }

    /** {@code purpose} is also the mail template: {@link EmailNotification#VERIFY_EMAIL} or RESET_PASSWORD. */
    void send(Handle transaction, User user, String purpose, Duration ttl, String language) {
        String token = OpaqueTokens.newToken();
        Instant expiresAt = clock.instant().plus(ttl);
        OneTimeTokenRepository tokens = transaction.attach(OneTimeTokenRepository.class);
        tokens.retirePending(user.id(), purpose);
        tokens.insert(OpaqueTokens.hash(token), user.id(), purpose, expiresAt);
        outbox.append(
                transaction,
                EmailNotification.TYPE,
                new EmailNotification(
                        purpose,
                        user.email(),
                        user.username(),
                        language,
                        seal.seal(token, TokenSeal.context(purpose, user.email())),
                        expiresAt));
    }

    /** Spends the token; the user it was for, or empty when it is unknown, expired or used. */
    Optional<UUID> redeem(Handle transaction, String token, String purpose) {
        return transaction.attach(OneTimeTokenRepository.class).consume(OpaqueTokens.hash(token), purpose);
    }

    boolean isLive(Handle handle, String token, String purpose) {
        return handle.attach(OneTimeTokenRepository.class)
                .findLive(OpaqueTokens.hash(token), purpose)
                .isPresent();
    }
}
