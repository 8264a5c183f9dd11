package eco2.auth.session;

import eco2.auth.account.AccountService;
import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.common.error.Unauthorized;
import eco2.common.security.Principal;
import eco2.common.security.Revocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
public final class SessionService {
  static final String BAD_CREDENTIALS = "Invalid email, username or password";

  private final Jdbi jdbi;
  private final AccountService accounts;
  private final AccessTokenIssuer issuer;
  private final LoginThrottle throttle;
  private final Revocations revocations;
  private final Duration refreshTtl;
  private final Clock clock;

  public SessionService(Jdbi jdbi, AccountService accounts, AccessTokenIssuer issuer, LoginThrottle throttle,
                        Revocations revocations, Duration refreshTtl, Clock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.issuer = issuer;
    this.throttle = throttle;
    this.revocations = revocations;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
  }

  public TokenPair login(String login, String password, String clientIp) {
    LoginThrottle.Attempt attempt = throttle.begin(clientIp, login);
    Optional<User> user = accounts.authenticate(login, password);
    if (user.isEmpty()) throw new Unauthorized(BAD_CREDENTIALS);
    attempt.succeeded();
    if (!user.get().isActive()) throw new Unauthorized("Account is deactivated");
    return jdbi.inTransaction(handle -> issue(handle, user.get(), UUID.randomUUID()));
  }

  /**
   * Rotates a refresh token. Consuming is one conditional UPDATE, so of two parallel refreshes only one wins;
   * the loser looks like reuse of a spent token and revokes the family, as a stolen token would.
   */
  public TokenPair refresh(String refreshToken) {
    byte[] hash = RefreshTokens.hash(refreshToken);
    Outcome outcome = jdbi.inTransaction(handle -> {
      RefreshTokenRepository tokens = handle.attach(RefreshTokenRepository.class);
      Optional<RefreshToken> consumed = tokens.consume(hash);
      if (consumed.isEmpty()) {
        tokens.findByHash(hash)
            .filter(t -> t.usedAt() != null)
            .ifPresent(spent -> tokens.revokeFamily(spent.familyId()));
        return Outcome.REJECTED;
      }
      Optional<User> user = handle.attach(UserRepository.class).findById(consumed.get().userId())
          .filter(User::isActive);
      if (user.isEmpty()) return Outcome.REJECTED;
      return new Outcome(issue(handle, user.get(), consumed.get().familyId()));
    });
    // The revocation must commit even though the caller gets a 401, hence the outcome instead of a throw.
    if (outcome.pair == null) throw new Unauthorized("Refresh token is invalid, expired or already used");
    return outcome.pair;
  }

  /** Blacklists the access token for its remaining life and revokes the caller's refresh-token family. */
  public void logout(Principal principal, String refreshToken) {
    Duration remaining = Duration.between(clock.instant(), principal.expiresAt());
    if (!remaining.isNegative()) revocations.revoke(principal.tokenId(), remaining);
    if (refreshToken == null) return;
    jdbi.useTransaction(handle -> {
      RefreshTokenRepository tokens = handle.attach(RefreshTokenRepository.class);
      tokens.findByHash(RefreshTokens.hash(refreshToken))
          .filter(t -> t.userId().equals(principal.userId())) // someone else's token is not ours to revoke
          .ifPresent(t -> tokens.revokeFamily(t.familyId()));
    });
  }

  private TokenPair issue(Handle handle, User user, UUID familyId) {
    String refresh = RefreshTokens.newToken();
    Instant expires = clock.instant().plus(refreshTtl);
    handle.attach(RefreshTokenRepository.class)
        .insert(UUID.randomUUID(), user.id(), familyId, RefreshTokens.hash(refresh), expires);
    return new TokenPair(issuer.issue(user), refresh, "bearer", issuer.ttl().toSeconds());
  }

  private record Outcome(TokenPair pair) {
    static final Outcome REJECTED = new Outcome(null);
  }
}
