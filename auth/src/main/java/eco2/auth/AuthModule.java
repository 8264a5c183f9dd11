package eco2.auth;

import eco2.auth.account.AccountHandler;
import eco2.auth.account.AccountService;
import eco2.auth.account.PasswordHasher;
import eco2.auth.account.UserDeletedHandler;
import eco2.auth.keys.JwksHandler;
import eco2.auth.keys.KeyRing;
import eco2.auth.session.AccessTokenIssuer;
import eco2.auth.session.LoginThrottle;
import eco2.auth.session.SessionHandler;
import eco2.auth.session.SessionService;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.OutboxRelay;
import eco2.common.events.OutboxWriter;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.Prefetch;
import eco2.common.http.SecurityHeaders;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ReadinessCheck;
import eco2.common.redis.DocumentCache;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;

/** The auth service's composition root: repositories, then services, then handlers, then routes. */
public final class AuthModule implements ServiceModule {
  /** Account creation per client IP; sign-in has its own failure throttle on top of the default limit. */
  /** {@code user:info:{id}}: the exact /me document, five minutes. */
  public static final String USER_INFO = "user:info:";
  static final RateLimitPolicy REGISTER = RateLimitPolicy.open("auth_register", 20, Duration.ofMinutes(1));

  private final Database database;
  private final AmqpConnector amqp;
  private final OutboxRelay relay;
  private final EventConsumer deletions;
  private final AccountHandler accounts;
  private final SessionHandler sessions;
  private final JwksHandler jwks;

  private AuthModule(Database database, AmqpConnector amqp, OutboxRelay relay, EventConsumer deletions,
                     AccountHandler accounts, SessionHandler sessions, JwksHandler jwks) {
    this.database = database;
    this.amqp = amqp;
    this.relay = relay;
    this.deletions = deletions;
    this.accounts = accounts;
    this.sessions = sessions;
    this.jwks = jwks;
  }

  public static AuthModule create(AuthConfig config, Infra infra, KeyRing keys) {
    Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
    AmqpConnector amqp = new AmqpConnector(config.amqp(), "auth");
    OutboxRelay relay = new OutboxRelay(database.jdbi(), amqp, infra.metrics().registry(), "auth").start();
    DocumentCache cache = new DocumentCache(infra.redis(), USER_INFO, Duration.ofMinutes(5));
    EventConsumer deletions = new EventConsumer(Subscription.of(config.userDeletedQueue(),
            List.of(UserDeletedHandler.TYPE), new UserDeletedHandler(cache)),
        database.jdbi(), amqp, infra.mapper(), infra.metrics().registry()).startWhenReachable();
    AccountService accountService = new AccountService(database.jdbi(), new PasswordHasher(), cache, infra.mapper(),
        new OutboxWriter(infra.mapper(), "auth", infra.clock()));
    AccessTokenIssuer issuer = new AccessTokenIssuer(keys, config.issuer(), config.accessTokenTtl(), infra.clock());
    SessionService sessionService = new SessionService(database.jdbi(), accountService, issuer,
        new LoginThrottle(infra.tokenBucket()), infra.revocations(), config.refreshTokenTtl(), infra.clock());
    return new AuthModule(database, amqp, relay, deletions,
        new AccountHandler(accountService, infra.jsonBody(), infra.authenticator()),
        new SessionHandler(sessionService, infra.jsonBody(), infra.authenticator()),
        new JwksHandler(keys));
  }

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public void routes(Javalin app) {
    app.before("/api/v1/auth/*", SecurityHeaders::noStore);
    app.post("/api/v1/auth/register", accounts::register);
    app.post("/api/v1/auth/login", sessions::login);
    app.post("/api/v1/auth/token", sessions::token);
    app.post("/api/v1/auth/refresh", sessions::refresh);
    app.post("/api/v1/auth/logout", sessions::logout);
    app.get("/api/v1/auth/me", accounts::me);
    app.get("/api/v1/auth/.well-known/jwks.json", jwks::jwks);
  }

  @Override
  public List<ReadinessCheck> readiness() {
    return List.of(database.readiness(), amqp.readiness());
  }

  @Override
  public List<RateLimitRule> rateLimits() {
    return List.of(new RateLimitRule("/api/v1/auth/register", REGISTER));
  }

  @Override
  public List<Prefetch> prefetches() {
    return List.of(new Prefetch(HandlerType.GET, "/api/v1/auth/me", caller -> USER_INFO + caller.userId()));
  }

  @Override
  public void close() {
    deletions.close();
    relay.close();
    amqp.close();
    database.close();
  }
}
