package eco2.auth.session;

import eco2.auth.OpaqueTokens;
import eco2.auth.account.AccountService;
import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.common.error.Unauthorized;
import eco2.common.security.Principal;
import eco2.common.security.Revocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
public final class SessionService {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    static final String BAD_CREDENTIALS = "Invalid email, username or password";

    private final Jdbi jdbi;
    private final AccountService accounts;
    private final AccessTokenIssuer issuer;
    private final LoginThrottle throttle;
    private final Revocations revocations;
    private final UserTokenRevoker userTokens;
    private final Duration refreshTtl;
    private final Duration sessionLifetime;
    private final Clock clock;

    public SessionService(
            Jdbi jdbi,
            AccountService accounts,
            AccessTokenIssuer issuer,
            LoginThrottle throttle,
            Revocations revocations,
            UserTokenRevoker userTokens,
            Duration refreshTtl,
            Duration sessionLifetime,
            Clock clock) {
        this.sessionLifetime = sessionLifetime;
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.issuer = issuer;
        this.throttle = throttle;
        this.revocations = revocations;
        this.userTokens = userTokens;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    public TokenPair login(String login, String password, String clientIp) {
        return startSession(authenticate(login, password, clientIp));
    }

    /** The sign-in check alone (throttle, password, active account), for the admin panel's own sessions. */
    public User authenticate(String login, String password, String clientIp) {
        Optional<User> user = accounts.find(login);
        // One bucket per account however it is named (email or username); unknown names get their own.
        String account = user.map(u -> u.id().toString()).orElse(login.trim().toLowerCase(Locale.ROOT));
        LoginThrottle.Attempt attempt = throttle.begin(clientIp, account, user.map(User::id));
        if (!accounts.passwordMatches(user, password)) throw new Unauthorized(BAD_CREDENTIALS);
        attempt.succeeded();
        if (!user.get().isActive()) throw new Unauthorized("Account is deactivated");
        return user.get();
    }

    /**
     * A new session; also for an account that proved itself some other way (a sign-in provider). It ends
     * {@code sessionLifetime} from now, however often its refresh token rotates.
     */
    public TokenPair startSession(User user) {
        Instant sessionEnd = clock.instant().plus(sessionLifetime);
        return jdbi.inTransaction(handle -> issue(handle, user, UUID.randomUUID(), sessionEnd));
    }

    /**
     * Rotates a refresh token. Consuming is one conditional UPDATE, so of two parallel refreshes only one wins;
     * the loser looks like reuse of a spent token and revokes the family, as a stolen token would.
     */
    public TokenPair refresh(String refreshToken) {
        byte[] hash = OpaqueTokens.hash(refreshToken);
        Outcome outcome = jdbi.inTransaction(handle -> {
            RefreshTokenRepository tokens = handle.attach(RefreshTokenRepository.class);
            Optional<RefreshToken> consumed = tokens.consume(hash);
            if (consumed.isEmpty()) {
                Optional<RefreshToken> spent = tokens.findByHash(hash).filter(t -> t.usedAt() != null);
                if (spent.isEmpty()) return Outcome.REJECTED;
                log.warn(
                        "refresh token reuse: revoking session family {} of user {}",
                        spent.get().familyId(),
                        spent.get().userId());
                tokens.revokeFamily(spent.get().familyId());
                return Outcome.reused(spent.get().userId());
            }
            Optional<User> user = handle.attach(UserRepository.class)
                    .findById(consumed.get().userId())
                    .filter(User::isActive);
            if (user.isEmpty()) return Outcome.REJECTED;
            RefreshToken spent = consumed.get();
            return new Outcome(issue(handle, user.get(), spent.familyId(), spent.sessionExpiresAt()));
        });
        // The revocation must commit even though the caller gets a 401, hence the outcome instead of a throw.
        if (outcome.reusedBy != null) endAccessTokens(outcome.reusedBy);
        if (outcome.pair == null) throw new Unauthorized("Refresh token is invalid, expired or already used");
        return outcome.pair;
    }

    /**
     * Blacklists the access token for the rest of its life and ends its session: the refresh-token family named
     * by its {@code sid}, and the family of a refresh token sent along. Only the caller's own families are touched.
     */
    public void logout(Principal principal, String refreshToken) {
        revocations.revoke(principal.tokenId(), Duration.between(clock.instant(), principal.expiresAt()));
        jdbi.useTransaction(handle -> {
            RefreshTokenRepository tokens = handle.attach(RefreshTokenRepository.class);
            if (principal.sessionId() != null)
                tokens.revokeFamilyOf(UUID.fromString(principal.sessionId()), principal.userId());
            if (refreshToken != null) {
                tokens.findByHash(OpaqueTokens.hash(refreshToken))
                        .ifPresent(t -> tokens.revokeFamilyOf(t.familyId(), principal.userId()));
            }
        });
    }

    private TokenPair issue(Handle handle, User user, UUID familyId, Instant sessionEnd) {
        String refresh = OpaqueTokens.newToken();
        Instant expires = clock.instant().plus(refreshTtl);
        if (expires.isAfter(sessionEnd)) expires = sessionEnd;
        handle.attach(RefreshTokenRepository.class)
                .insert(UUID.randomUUID(), user.id(), familyId, OpaqueTokens.hash(refresh), expires, sessionEnd);
        return new TokenPair(
                issuer.issue(user, familyId), refresh, "bearer", issuer.ttl().toSeconds());
    }

    /**
     * A replayed refresh token may mean a thief holds access tokens too: end them all. Best effort, after the family
     * revocation committed; without Redis they could not be used anyway (verification fails closed).
     */
    private void endAccessTokens(UUID userId) {
        try {
            userTokens.revokeAll(userId);
        } catch (JedisException e) {
            log.warn("could not mark the access tokens of user {} revoked: {}", userId, e.toString());
        }
    }

    private record Outcome(TokenPair pair, UUID reusedBy) {
        static final Outcome REJECTED = new Outcome(null, null);

        Outcome(TokenPair pair) {
            this(pair, null);
        }

        static Outcome reused(UUID userId) {
            return new Outcome(null, userId);
        }
    }
}
