package eco2.auth;

import eco2.auth.account.AccountHandler;
import eco2.auth.account.AccountService;
import eco2.auth.account.EmailOwnership;
import eco2.auth.account.PasswordHasher;
import eco2.auth.account.UserDeletedHandler;
import eco2.auth.account.UserRepository;
import eco2.auth.admin.AdminPanel;
import eco2.auth.apikeys.ApiKeyHandler;
import eco2.auth.apikeys.ApiKeyLookupHandler;
import eco2.auth.apikeys.ApiKeyRecords;
import eco2.auth.apikeys.ApiKeyService;
import eco2.auth.apikeys.KeyUseRecorder;
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
import eco2.auth.session.SessionPurge;
import eco2.auth.session.SessionService;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.admin.AdminCounts;
import eco2.common.admin.AdminRoutes;
import eco2.common.admin.AdminService;
import eco2.common.admin.DeadLetters;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.OutboxRelay;
import eco2.common.events.OutboxWriter;
import eco2.common.events.QueueBinding;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.Prefetch;
import eco2.common.http.SecurityHeaders;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.redis.DocumentCache;
import eco2.common.security.ApiKeyLookup;
import eco2.common.security.TokenSeal;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private final SessionPurge purge;
    private final AccountHandler accounts;
    private final SessionHandler sessions;
    private final JwksHandler jwks;
    private final OAuthHandler oauth;
    private final EmailVerificationHandler verification;
    private final PasswordResetHandler resetHandler;
    private final AdminRoutes admin;
    private final AdminPanel panel;
    private final ApiKeys apiKeys;

    /** The API-key part, kept together: its service (also the in-process lookup), handlers and use recorder. */
    private record ApiKeys(
            ApiKeyService service, ApiKeyHandler handler, ApiKeyLookupHandler lookup, KeyUseRecorder uses) {}

    private AuthModule(
            Database database,
            AmqpConnector amqp,
            OutboxRelay relay,
            EventConsumer deletions,
            PasswordResetService resets,
            SessionPurge purge,
            AccountHandler accounts,
            SessionHandler sessions,
            JwksHandler jwks,
            OAuthHandler oauth,
            EmailVerificationHandler verification,
            PasswordResetHandler resetHandler,
            AdminRoutes admin,
            AdminPanel panel,
            ApiKeys apiKeys) {
        this.database = database;
        this.apiKeys = apiKeys;
        this.amqp = amqp;
        this.relay = relay;
        this.deletions = deletions;
        this.resets = resets;
        this.purge = purge;
        this.accounts = accounts;
        this.sessions = sessions;
        this.jwks = jwks;
        this.oauth = oauth;
        this.verification = verification;
        this.resetHandler = resetHandler;
        this.admin = admin;
        this.panel = panel;
    }

    /** The queues auth consumes; {@code auth.jar migrate} declares them before producers start. */
    public static List<QueueBinding> queues(AuthConfig config) {
        return List.of(new QueueBinding(config.userDeletedQueue(), List.of(UserDeletedHandler.TYPE)));
    }

    public static AuthModule create(AuthConfig config, Infra infra, KeyRing keys) {
        Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "auth");
        OutboxRelay relay =
                new OutboxRelay(database.jdbi(), amqp, infra.metrics().registry(), "auth").start();
        DocumentCache cache = DocumentCache.create(
                infra.redis(), infra.metrics().registry(), "user_info", USER_INFO, Duration.ofMinutes(5));
        ApiKeyRecords keyRecords = new ApiKeyRecords(infra.redis());
        UserTokenRevoker userTokens = new UserTokenRevoker(infra.revocations(), config.accessTokenTtl(), infra.clock());
        EventConsumer deletions = new EventConsumer(
                        Subscription.of(queues(config).get(0), new UserDeletedHandler(cache, keyRecords, userTokens)),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        OutboxWriter outbox = new OutboxWriter(infra.mapper(), "auth", infra.clock());
        EmailOwnership ownership = new EmailOwnership(outbox);
        PasswordHasher hasher = new PasswordHasher();
        AccountService accountService = new AccountService(database.jdbi(), hasher, cache, infra.mapper(), outbox);
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, config.issuer(), config.accessTokenTtl(), infra.clock());
        SessionService sessionService = new SessionService(
                database.jdbi(),
                accountService,
                issuer,
                new LoginThrottle(infra.tokenBucket(), infra.redis()),
                infra.revocations(),
                userTokens,
                config.refreshTokenTtl(),
                config.sessionLifetime(),
                infra.clock());
        OAuthService oauthService = new OAuthService(
                OAuthProviders.create(config.oauth(), infra.mapper(), infra.clock()),
                config.oauth().redirectUris(),
                new PendingSignIns(infra.redis(), infra.mapper()),
                new SocialSignIn(database.jdbi(), outbox, ownership),
                sessionService);
        EmailLinks links =
                new EmailLinks(outbox, TokenSeal.fromBase64("MAIL_TOKEN_KEY", config.mailTokenKey()), infra.clock());
        PasswordResetService resets = new PasswordResetService(
                database.jdbi(),
                links,
                hasher,
                infra.tokenBucket(),
                infra.rateLimits().tune(PasswordResetService.PER_EMAIL),
                cache,
                ownership,
                userTokens);
        ApiKeyService keyService = new ApiKeyService(database.jdbi(), keyRecords, infra.tokenBucket(), infra.clock());
        ApiKeys apiKeys = new ApiKeys(
                keyService,
                new ApiKeyHandler(keyService, infra.jsonBody(), infra.authenticator()),
                new ApiKeyLookupHandler(keyService, infra.jsonBody()),
                new KeyUseRecorder(database.jdbi(), infra.redis()).start());
        return new AuthModule(
                database,
                amqp,
                relay,
                deletions,
                resets,
                new SessionPurge(database.jdbi(), infra.clock()).start(),
                new AccountHandler(accountService, infra.jsonBody(), infra.authenticator()),
                new SessionHandler(sessionService, infra.jsonBody(), infra.authenticator()),
                new JwksHandler(keys),
                new OAuthHandler(oauthService, infra.jsonBody(), config.oauth().secureCookie()),
                new EmailVerificationHandler(
                        new EmailVerificationService(database.jdbi(), links, cache, ownership),
                        infra.jsonBody(),
                        infra.authenticator()),
                new PasswordResetHandler(resets, infra.jsonBody()),
                new AdminRoutes(
                        "/api/v1/auth",
                        infra.authenticator(),
                        new AdminService(
                                "auth",
                                new DeadLetters(amqp, List.of(config.userDeletedQueue()), infra.mapper()),
                                List.of(database.jdbi()),
                                () -> database.jdbi()
                                        .withExtension(
                                                UserRepository.class,
                                                users -> Map.of(
                                                        "users_total", users.countAll(),
                                                        "users_new_today",
                                                                users.countCreatedSince(
                                                                        AdminCounts.startOfToday(infra.clock())))))),
                new AdminPanel(
                        config.admin(), infra, database.jdbi(), sessionService, issuer, userTokens, keyService, cache),
                apiKeys);
    }

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public Map<String, String> docTags() {
        return Map.of(
                "auth",
                "Accounts and sessions: register, sign in (also with Kakao or Google), refresh, sign out, email "
                        + "verification, password reset and the token signing keys (/api/v1/auth)",
                "api keys",
                "Integrators' API keys (X-API-Key) with tiers, rotation and monthly usage (/api/v1/auth/api-keys)",
                "internal",
                "Service-to-service calls inside the deployment; the gateway does not route them (/internal)");
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
        app.post("/api/v1/auth/api-keys", apiKeys.handler()::create);
        app.get("/api/v1/auth/api-keys", apiKeys.handler()::list);
        app.delete("/api/v1/auth/api-keys/{id}", apiKeys.handler()::revoke);
        app.post("/api/v1/auth/api-keys/{id}/rotate", apiKeys.handler()::rotate);
        app.get("/api/v1/auth/api-keys/{id}/usage", apiKeys.handler()::usage);
        app.post(ApiKeyLookup.PATH, apiKeys.lookup()::lookup);
        admin.routes(app);
        panel.routes(app);
    }

    @Override
    public List<ApiDocs.Mount> docMounts() {
        return List.of(admin.docs());
    }

    /** The panel's content forms: item and FAQ texts are textareas. */
    @Override
    public List<String> multiLineForms() {
        return List.of("/admin/content/");
    }

    /** In the same app as other modules (the dev launcher), their key lookups need no HTTP. */
    @Override
    public Optional<ApiKeyLookup> apiKeyLookup() {
        return Optional.of(apiKeys.service()::lookup);
    }

    @Override
    public List<ReadinessCheck> readiness() {
        return List.of(database.readiness(), amqp.readiness());
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return List.of(
                // Anonymous endpoints count the IP even when a bearer token comes along.
                new RateLimitRule("/api/v1/auth/register", REGISTER, RateLimitRule.CountBy.IP),
                new RateLimitRule("/api/v1/auth/verify-email/request", VERIFY_MAIL, RateLimitRule.CountBy.USER),
                new RateLimitRule("/api/v1/auth/reset-password/request", RESET_MAIL, RateLimitRule.CountBy.IP),
                new RateLimitRule("/api/v1/auth/oauth/", OAUTH, RateLimitRule.CountBy.IP));
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
        apiKeys.uses().close();
        deletions.close();
        resets.close();
        purge.close();
        relay.close();
        amqp.close();
        database.close();
    }
}
