package eco2.auth.mail;

import eco2.auth.OpaqueTokens;
import eco2.auth.account.Credentials;
import eco2.auth.account.EmailOwnership;
import eco2.auth.account.PasswordHasher;
import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.auth.session.RefreshTokenRepository;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.error.BadRequest;
import eco2.common.error.RateLimited;
import eco2.common.error.Unavailable;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.TokenBucket;
import eco2.common.redis.DocumentCache;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Password reset by mailed link. A request answers the same way, in the same time, whether or not the address
 * has an account: the lookup and the mail happen on a background thread after the answer. Redeeming the link
 * sets the new argon2id hash, verifies the email (the link proved the mailbox; see {@link EmailOwnership}),
 * revokes every refresh token of the user and ends their access tokens.
 */
public final class PasswordResetService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    static final Duration TOKEN_TTL = Duration.ofMinutes(30);
    /** Mails per address, whoever asks: a victim's inbox cannot be flooded from many IPs. Fail-closed. */
    public static final RateLimitPolicy PER_EMAIL = RateLimitPolicy.closed("auth_reset_email", 3, Duration.ofHours(1));

    private final Jdbi jdbi;
    private final EmailLinks links;
    private final PasswordHasher hasher;
    private final TokenBucket bucket;
    private final RateLimitPolicy perEmail;
    private final DocumentCache accountCache;
    private final EmailOwnership ownership;
    private final UserTokenRevoker userTokens;
    private final ThreadPoolExecutor background =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
                Thread thread = new Thread(r, "password-reset-mail");
                thread.setDaemon(true);
                return thread;
            });

    public PasswordResetService(
            Jdbi jdbi,
            EmailLinks links,
            PasswordHasher hasher,
            TokenBucket bucket,
            RateLimitPolicy perEmail,
            DocumentCache accountCache,
            EmailOwnership ownership,
            UserTokenRevoker userTokens) {
        this.ownership = ownership;
        this.jdbi = jdbi;
        this.links = links;
        this.hasher = hasher;
        this.bucket = bucket;
        this.perEmail = perEmail;
        this.accountCache = accountCache;
        this.userTokens = userTokens;
    }

    /** Accepts the request; a mail follows only for an existing, active account with that email. */
    public void request(String rawEmail, String language) {
        String email = Credentials.normaliseEmail(rawEmail);
        throttle(email);
        try {
            background.execute(() -> mailIfAccountExists(email, language));
        } catch (RejectedExecutionException e) {
            throw new Unavailable("Password reset is busy; try again shortly");
        }
    }

    public void reset(String token, String newPassword) {
        // Check before the slow hash, so bad tokens cost nothing; the redeem below re-checks atomically.
        if (!jdbi.withHandle(handle -> links.isLive(handle, token, EmailNotification.RESET_PASSWORD))) throw badLink();
        String hash = hasher.hash(newPassword);
        Optional<UUID> changed = jdbi.inTransaction(handle -> {
            Optional<UUID> userId = links.redeem(handle, token, EmailNotification.RESET_PASSWORD);
            userId.ifPresent(id -> {
                handle.attach(UserRepository.class).changePassword(id, hash);
                ownership.confirm(handle, id);
                handle.attach(RefreshTokenRepository.class).revokeAllOf(id);
            });
            return userId;
        });
        accountCache.invalidate(changed.orElseThrow(PasswordResetService::badLink));
        endAccessTokens(changed.get());
        log.info("password reset for user {}: all sessions revoked", changed.get());
    }

    /** Whoever knew the old password may hold access tokens: they end too (best effort: the reset has committed). */
    private void endAccessTokens(UUID userId) {
        try {
            userTokens.revokeAll(userId);
        } catch (JedisException e) {
            log.warn("could not mark the access tokens of user {} revoked: {}", userId, e.toString());
        }
    }

    private void mailIfAccountExists(String email, String language) {
        try {
            jdbi.useTransaction(handle -> handle.attach(UserRepository.class)
                    .findByEmail(email)
                    .filter(User::isActive)
                    .ifPresent(
                            user -> links.send(handle, user, EmailNotification.RESET_PASSWORD, TOKEN_TTL, language)));
        } catch (RuntimeException e) {
            log.error("password reset mail could not be queued", e);
        }
    }

    private void throttle(String email) {
        TokenBucket.Decision decision;
        try {
            decision = bucket.take(perEmail, "email:" + OpaqueTokens.bucketName(email.toLowerCase(Locale.ROOT)), 1);
        } catch (JedisException e) {
            throw new Unavailable("Password reset is temporarily unavailable");
        }
        if (!decision.allowed()) {
            throw new RateLimited(
                    "Too many reset requests for this address; try again later", decision.retryAfterSeconds());
        }
    }

    private static BadRequest badLink() {
        return new BadRequest("Reset link is invalid, expired or already used; request a new one");
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) background.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
