package eco2.auth;

import eco2.auth.account.AccountHandler;
import eco2.auth.account.AccountService;
import eco2.auth.account.PasswordHasher;
import eco2.auth.account.UserDeletedHandler;
import eco2.auth.admin.AdminPanel;
import eco2.auth.keys.JwksHandler;
import eco2.auth.keys.KeyRing;
import eco2.auth.mail.EmailLinks;
import eco2.auth.mail.EmailVerificationHandler;
import eco2.auth.mail.EmailVerificationService;
import eco2.auth.mail.PasswordResetHandler;
import eco2.auth.mail.PasswordResetService;
import eco2.auth.oauth.OAuthHandler;
import eco2.auth.oauth.OAuthProviders;
import eco2.auth.oauth.OAuthService;
import eco2.auth.oauth.PendingSignIns;
import eco2.auth.oauth.SocialSignIn;
import eco2.auth.session.AccessTokenIssuer;
import eco2.auth.session.LoginThrottle;
import eco2.auth.session.SessionHandler;
import eco2.auth.session.SessionService;
import eco2.auth.session.UserTokenRevoker;
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
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.redis.DocumentCache;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The auth service's composition root: repositories, then services, then handlers, then routes. */
public final class AuthModule implements ServiceModule {
    /** {@code user:info:{id}}: the exact /me document, five minutes. */
    public static final String USER_INFO = "user:info:";
    /** Account creation per client IP; sign-in has its own failure throttle on top of the default limit. */
    static final RateLimitPolicy REGISTER = RateLimitPolicy.open("auth_register", 20, Duration.ofMinutes(1));
    /** Verification mails per user. */
    static final RateLimitPolicy VERIFY_MAIL = RateLimitPolicy.open("auth_verify_email", 5, Duration.ofMinutes(15));
    /** Reset requests per client IP (each address has its own limit too, in PasswordResetService). */
    static final RateLimitPolicy RESET_MAIL = RateLimitPolicy.open("auth_reset_ip", 10, Duration.ofHours(1));
    /** Provider sign-ins per client IP: each start writes a Redis key and each callback calls the provider. */
    static final RateLimitPolicy OAUTH = RateLimitPolicy.open("auth_oauth", 30, Duration.ofMinutes(1));

    private final Database database;
    private final AmqpConnector amqp;
    private final OutboxRelay relay;
    private final EventConsumer deletions;
    private final PasswordResetService resets;
    private final AccountHandler accounts;
    private final SessionHandler sessions;
    private final JwksHandler jwks;
    private final OAuthHandler oauth;
    private final EmailVerificationHandler verification;
    private final PasswordResetHandler resetHandler;
    private final AdminPanel panel;

    private AuthModule(
            Database database,
            AmqpConnector amqp,
            OutboxRelay relay,
            EventConsumer deletions,
            PasswordResetService resets,
            AccountHandler accounts,
            SessionHandler sessions,
            JwksHandler jwks,
            OAuthHandler oauth,
            EmailVerificationHandler verification,
            PasswordResetHandler resetHandler,
            AdminPanel panel) {
        this.database = database;
        this.amqp = amqp;
        this.relay = relay;
        this.deletions = deletions;
        this.resets = resets;
        this.accounts = accounts;
        this.sessions = sessions;
        this.jwks = jwks;
        this.oauth = oauth;
        this.verification = verification;
        this.resetHandler = resetHandler;
        this.panel = panel;
    }

    public static AuthModule create(AuthConfig config, Infra infra, KeyRing keys) {
        Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "auth");
        OutboxRelay relay =
                new OutboxRelay(database.jdbi(), amqp, infra.metrics().registry(), "auth").start();
        DocumentCache cache = new DocumentCache(infra.redis(), USER_INFO, Duration.ofMinutes(5));
        UserTokenRevoker userTokens = new UserTokenRevoker(infra.revocations(), config.accessTokenTtl(), infra.clock());
        EventConsumer deletions = new EventConsumer(
                        Subscription.of(
                                config.userDeletedQueue(),
                                List.of(UserDeletedHandler.TYPE),
                                new UserDeletedHandler(cache, userTokens)),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        OutboxWriter outbox = new OutboxWriter(infra.mapper(), "auth", infra.clock());
        PasswordHasher hasher = new PasswordHasher();
        AccountService accountService = new AccountService(database.jdbi(), hasher, cache, infra.mapper(), outbox);
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, config.issuer(), config.accessTokenTtl(), infra.clock());
        SessionService sessionService = new SessionService(
                database.jdbi(),
                accountService,
                issuer,
                new LoginThrottle(infra.tokenBucket()),
                infra.revocations(),
                userTokens,
                config.refreshTokenTtl(),
                infra.clock());
        OAuthService oauthService = new OAuthService(
                OAuthProviders.create(config.oauth(), infra.mapper(), infra.clock()),
                config.oauth().redirectUris(),
                new PendingSignIns(infra.redis(), infra.mapper()),
                new SocialSignIn(database.jdbi(), outbox),
                sessionService);
        EmailLinks links = new EmailLinks(outbox, infra.clock());
        PasswordResetService resets = new PasswordResetService(
                database.jdbi(),
                links,
                hasher,
                infra.tokenBucket(),
                infra.rateLimits().tune(PasswordResetService.PER_EMAIL),
                cache,
                userTokens);
        return new AuthModule(
                database,
                amqp,
                relay,
                deletions,
                resets,
                new AccountHandler(accountService, infra.jsonBody(), infra.authenticator()),
                new SessionHandler(sessionService, infra.jsonBody(), infra.authenticator()),
                new JwksHandler(keys),
                new OAuthHandler(oauthService, infra.jsonBody()),
                new EmailVerificationHandler(
                        new EmailVerificationService(database.jdbi(), links, cache),
                        infra.jsonBody(),
                        infra.authenticator()),
                new PasswordResetHandler(resets, infra.jsonBody()),
                new AdminPanel(config.admin(), infra, database.jdbi(), sessionService, issuer, userTokens, cache));
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
        app.get("/api/v1/auth/oauth/{provider}", oauth::start);
        app.post("/api/v1/auth/oauth/{provider}/callback", oauth::callback);
        app.post("/api/v1/auth/verify-email/request", verification::request);
        app.post("/api/v1/auth/verify-email", verification::verify);
        app.post("/api/v1/auth/reset-password/request", resetHandler::request);
        app.post("/api/v1/auth/reset-password", resetHandler::reset);
        panel.routes(app);
    }

    @Override
    public List<ReadinessCheck> readiness() {
        return List.of(database.readiness(), amqp.readiness());
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return List.of(
                new RateLimitRule("/api/v1/auth/register", REGISTER),
                new RateLimitRule("/api/v1/auth/verify-email/request", VERIFY_MAIL),
                new RateLimitRule("/api/v1/auth/reset-password/request", RESET_MAIL),
                new RateLimitRule("/api/v1/auth/oauth/", OAUTH));
    }

    @Override
    public List<Prefetch> prefetches() {
        return List.of(new Prefetch(HandlerType.GET, "/api/v1/auth/me", caller -> USER_INFO + caller.userId()));
    }

    @Override
    public void quiesce(Instant deadline) {
        deletions.drain(deadline);
    }

    @Override
    public void close() {
        deletions.close();
        resets.close();
        relay.close();
        amqp.close();
        database.close();
    }
}
