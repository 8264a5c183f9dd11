package eco2.my;

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
import eco2.common.http.ServiceModule;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.redis.DocumentCache;
import eco2.my.activity.ActivityHandler;
import eco2.my.activity.ActivityService;
import eco2.my.activity.CharacterUnlockedHandler;
import eco2.my.avatar.AvatarHandler;
import eco2.my.avatar.AvatarJobHandler;
import eco2.my.avatar.AvatarService;
import eco2.my.avatar.AvatarStore;
import eco2.my.avatar.AvatarUploaded;
import eco2.my.events.EventRouter;
import eco2.my.invites.InviteService;
import eco2.my.invites.UserVerifiedHandler;
import eco2.my.leaderboard.Leaderboard;
import eco2.my.leaderboard.LeaderboardHandler;
import eco2.my.points.PointsAwarded;
import eco2.my.points.PointsHandler;
import eco2.my.points.PointsService;
import eco2.my.points.RewardsHandler;
import eco2.my.points.ScanRewardService;
import eco2.my.profile.ProfileHandler;
import eco2.my.profile.ProfileRepository;
import eco2.my.profile.ProfileService;
import eco2.my.profile.UserRegisteredHandler;
import eco2.my.settings.SettingsHandler;
import eco2.my.settings.SettingsService;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The my service's composition root: profiles fed by user.registered, points and activities fed by scan, recycle
 * and character events, levels and the daily check-in.
 */
public final class MyModule implements ServiceModule {
    /** {@code user:profile:{id}}: the exact GET /me document, one hour, invalidated on every change. */
    public static final String USER_PROFILE = "user:profile:";
    /** {@code user:points:{id}}: the GET /me/points document, five minutes, dropped on every award. */
    public static final String USER_POINTS = "user:points:";
    /**
     * Each upload writes files and queues a resize: 10 an hour per user ({@code RATE_LIMIT_MY_AVATAR_UPLOAD}), well
     * above anyone choosing a picture, far below filling a disk.
     */
    static final RateLimitPolicy AVATAR_UPLOADS = RateLimitPolicy.open("my_avatar_upload", 10, Duration.ofHours(1));

    private final Database database;
    private final AmqpConnector amqp;
    private final List<EventConsumer> consumers;
    private final OutboxRelay relay;
    private final ProfileHandler profiles;
    private final PointsHandler points;
    private final ActivityHandler activities;
    private final SettingsHandler settings;
    private final LeaderboardHandler leaderboardHandler;
    private final AvatarHandler avatars;
    private final AdminRoutes admin;

    private MyModule(
            Database database,
            AmqpConnector amqp,
            List<EventConsumer> consumers,
            OutboxRelay relay,
            ProfileHandler profiles,
            PointsHandler points,
            ActivityHandler activities,
            SettingsHandler settings,
            LeaderboardHandler leaderboardHandler,
            AvatarHandler avatars,
            AdminRoutes admin) {
        this.avatars = avatars;
        this.admin = admin;
        this.leaderboardHandler = leaderboardHandler;
        this.activities = activities;
        this.settings = settings;
        this.database = database;
        this.amqp = amqp;
        this.consumers = consumers;
        this.relay = relay;
        this.profiles = profiles;
        this.points = points;
    }

    /** The queues my consumes; {@code my.jar migrate} declares them before producers start. */
    public static List<QueueBinding> queues(MyConfig config) {
        return List.of(registrations(config), rewards(config), avatarJobs(config));
    }

    // Registration and verification share a queue, so they are usually handled in the order auth wrote them.
    private static QueueBinding registrations(MyConfig config) {
        return new QueueBinding(
                config.registrationsQueue(), List.of(UserRegisteredHandler.TYPE, UserVerifiedHandler.TYPE));
    }

    // One queue for everything that lands on a user's points and activity feed.
    private static QueueBinding rewards(MyConfig config) {
        return new QueueBinding(
                config.rewardsQueue(),
                List.of(
                        CharacterUnlockedHandler.TYPE,
                        RewardsHandler.RECYCLE_COMPLETED,
                        RewardsHandler.SCAN_COMPLETED));
    }

    private static QueueBinding avatarJobs(MyConfig config) {
        return new QueueBinding(config.avatarJobsQueue(), List.of(AvatarUploaded.TYPE));
    }

    /** The migrate command's list and the handlers must agree, or events would land where nothing handles them. */
    private static QueueBinding bound(QueueBinding binding, EventRouter router) {
        if (!binding.routingKeys().stream().sorted().toList().equals(router.types()))
            throw new IllegalStateException(
                    binding.queue() + " binds " + binding.routingKeys() + " but handles " + router.types());
        return binding;
    }

    public static MyModule create(MyConfig config, Infra infra) {
        Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
        DocumentCache cache = DocumentCache.create(
                infra.redis(), infra.metrics().registry(), "user_profile", USER_PROFILE, Duration.ofHours(1));
        OutboxWriter outbox = new OutboxWriter(infra.mapper(), "my", infra.clock());
        Leaderboard leaderboard = new Leaderboard(infra.redis(), database.jdbi(), infra.clock());
        ProfileService profileService = new ProfileService(database.jdbi(), cache, infra.mapper(), outbox, leaderboard);
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "my");
        // Nothing consumes points.awarded yet: published without mandatory, so it never waits for a queue.
        OutboxRelay relay = new OutboxRelay(
                        database.jdbi(), amqp, infra.metrics().registry(), "my", Set.of(PointsAwarded.TYPE))
                .start();
        AvatarStore store = new AvatarStore(config.avatarDir());
        // First of the hooks that run after the commit erasing a profile: it never throws, and files matter most.
        profileService.onDelete(store::deleteAll);
        DocumentCache pointsCache = DocumentCache.create(
                infra.redis(), infra.metrics().registry(), "user_points", USER_POINTS, Duration.ofMinutes(5));
        profileService.onDelete(pointsCache::invalidate);
        ActivityService activityService = new ActivityService(database.jdbi(), infra.mapper());
        PointsService pointsService = new PointsService(
                database.jdbi(),
                profileService,
                activityService,
                outbox,
                infra.mapper(),
                infra.clock(),
                leaderboard,
                pointsCache);
        InviteService invites = new InviteService(pointsService, profileService, infra.clock());
        EventRouter accountEvents = new EventRouter(Map.of(
                UserRegisteredHandler.TYPE,
                new UserRegisteredHandler(profileService, invites::invited),
                UserVerifiedHandler.TYPE,
                new UserVerifiedHandler(invites)));
        EventConsumer registrations = new EventConsumer(
                        Subscription.of(bound(registrations(config), accountEvents), accountEvents),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        RewardsHandler rewardsHandler = new RewardsHandler(
                new ScanRewardService(pointsService, activityService, profileService), pointsService, profileService);
        EventRouter rewardEvents = new EventRouter(Map.of(
                RewardsHandler.SCAN_COMPLETED,
                rewardsHandler,
                RewardsHandler.RECYCLE_COMPLETED,
                rewardsHandler,
                CharacterUnlockedHandler.TYPE,
                new CharacterUnlockedHandler(activityService, profileService)));
        Subscription rewardsDefaults = Subscription.of(bound(rewards(config), rewardEvents), rewardEvents);
        EventConsumer rewards = new EventConsumer(
                        new Subscription(
                                rewardsDefaults.queue(),
                                rewardsDefaults.routingKeys(),
                                rewardsDefaults.handler(),
                                config.rewardsRetryDelays(),
                                rewardsDefaults.prefetch()),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        EventConsumer avatarJobs = new EventConsumer(
                        Subscription.of(avatarJobs(config), new AvatarJobHandler(store, profileService)),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        return new MyModule(
                database,
                amqp,
                List.of(registrations, rewards, avatarJobs),
                relay,
                new ProfileHandler(profileService, infra.jsonBody(), infra.authenticator()),
                new PointsHandler(pointsService, infra.authenticator()),
                new ActivityHandler(activityService, infra.authenticator()),
                new SettingsHandler(
                        new SettingsService(database.jdbi(), profileService), infra.jsonBody(), infra.authenticator()),
                new LeaderboardHandler(leaderboard, infra.authenticator()),
                new AvatarHandler(
                        new AvatarService(database.jdbi(), store, profileService, outbox), infra.authenticator()),
                new AdminRoutes(
                        "/api/v1/users",
                        infra.authenticator(),
                        new AdminService(
                                "my",
                                new DeadLetters(
                                        amqp,
                                        List.of(
                                                config.registrationsQueue(),
                                                config.rewardsQueue(),
                                                config.avatarJobsQueue()),
                                        infra.mapper()),
                                List.of(database.jdbi()),
                                () -> Map.of(
                                        "profiles_total",
                                        database.jdbi()
                                                .withExtension(
                                                        ProfileRepository.class, ProfileRepository::countActive)))));
    }

    @Override
    public String name() {
        return "my";
    }

    @Override
    public Map<String, String> docTags() {
        return Map.of(
                "my",
                "Profiles, settings, points, levels, daily check-in, the activity feed, the weekly leaderboard "
                        + "and avatars (/api/v1/users)");
    }

    @Override
    public void routes(Javalin app) {
        app.get("/api/v1/users/me", profiles::me);
        app.patch("/api/v1/users/me", profiles::update);
        app.delete("/api/v1/users/me", profiles::delete);
        app.get("/api/v1/users/me/points", points::points);
        app.get("/api/v1/users/me/level", points::level);
        app.post("/api/v1/users/me/check-in", points::checkIn);
        app.get("/api/v1/users/me/activities", activities::list);
        app.get("/api/v1/users/me/settings", settings::get);
        app.patch("/api/v1/users/me/settings", settings::update);
        app.get("/api/v1/users/leaderboard", leaderboardHandler::weekly);
        app.post("/api/v1/users/me/avatar", avatars::upload);
        app.get("/api/v1/users/{id}/avatar", avatars::get);
        admin.routes(app);
    }

    @Override
    public List<ApiDocs.Mount> docMounts() {
        return List.of(admin.docs());
    }

    @Override
    public List<ReadinessCheck> readiness() {
        return List.of(database.readiness(), amqp.readiness());
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return List.of(new RateLimitRule("/api/v1/users/me/avatar", AVATAR_UPLOADS, RateLimitRule.CountBy.USER));
    }

    @Override
    public List<Prefetch> prefetches() {
        return List.of(
                new Prefetch(HandlerType.GET, "/api/v1/users/me", caller -> USER_PROFILE + caller.userId()),
                new Prefetch(HandlerType.GET, "/api/v1/users/me/points", caller -> USER_POINTS + caller.userId()));
    }

    @Override
    public void quiesce(Instant deadline) {
        consumers.forEach(consumer -> consumer.drain(deadline));
    }

    @Override
    public void close() {
        consumers.forEach(EventConsumer::close);
        relay.close();
        amqp.close();
        database.close();
    }
}
