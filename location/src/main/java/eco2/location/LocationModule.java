package eco2.location;

import eco2.common.admin.AdminRoutes;
import eco2.common.admin.AdminService;
import eco2.common.admin.DeadLetters;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.QueueBinding;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.location.bins.BinHandler;
import eco2.location.bins.BinRepository;
import eco2.location.bins.BinService;
import eco2.location.centers.CenterHandler;
import eco2.location.centers.CenterRepository;
import eco2.location.centers.CenterService;
import eco2.location.geocode.GeocodeHandler;
import eco2.location.geocode.GeocodeService;
import eco2.location.importer.ImportHandler;
import eco2.location.importer.ImportReport;
import eco2.location.importer.ImportService;
import eco2.location.kakao.KakaoLocalClient;
import eco2.location.places.PlaceHandler;
import eco2.location.places.PlaceRepository;
import eco2.location.places.PlaceService;
import eco2.location.places.UserDeletedHandler;
import eco2.location.sample.SampleData;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location service's composition root: nearby bins and centres, Kakao geocoding, saved places, imports, and
 * the user.deleted consumer that purges saved places.
 */
public final class LocationModule implements ServiceModule {
    private static final Logger log = LoggerFactory.getLogger(LocationModule.class);
    /** Each geocode that misses the cache spends Kakao quota: a tighter bucket than the default. */
    static final RateLimitPolicy GEOCODE = RateLimitPolicy.open("location_geocode", 30, Duration.ofMinutes(1));

    private final Database database;
    private final AmqpConnector amqp;
    private final EventConsumer deletions;
    private final BinHandler bins;
    private final CenterHandler centers;
    private final GeocodeHandler geocoding;
    private final PlaceHandler places;
    private final ImportHandler imports;
    private final AdminRoutes admin;

    private LocationModule(
            Database database,
            AmqpConnector amqp,
            EventConsumer deletions,
            BinHandler bins,
            CenterHandler centers,
            GeocodeHandler geocoding,
            PlaceHandler places,
            ImportHandler imports,
            AdminRoutes admin) {
        this.database = database;
        this.amqp = amqp;
        this.deletions = deletions;
        this.bins = bins;
        this.centers = centers;
        this.geocoding = geocoding;
        this.places = places;
        this.imports = imports;
        this.admin = admin;
    }

    /** The queues location consumes; {@code location.jar migrate} declares them before producers start. */
    public static List<QueueBinding> queues(LocationConfig config) {
        return List.of(new QueueBinding(config.userDeletedQueue(), List.of(UserDeletedHandler.TYPE)));
    }

    public static LocationModule create(LocationConfig config, Infra infra) {
        Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
        LocationCaches caches =
                LocationCaches.create(infra.redis(), infra.metrics().registry(), config.cacheEnabled());
        KakaoLocalClient kakao = new KakaoLocalClient(config.kakao(), infra.mapper());
        ImportService importService = new ImportService(database.jdbi(), caches.binsNearby(), caches.centersNearby());
        if (config.sampleData()) {
            ImportReport sample = SampleData.load(importService);
            log.info("dev sample data (source 'sample'): {} inserted, {} updated", sample.inserted(), sample.updated());
        }
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "location");
        EventConsumer deletions = new EventConsumer(
                        Subscription.of(queues(config).get(0), new UserDeletedHandler()),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        return new LocationModule(
                database,
                amqp,
                deletions,
                new BinHandler(new BinService(database.jdbi(), caches.binsNearby(), infra.mapper())),
                new CenterHandler(new CenterService(
                        database.jdbi(), kakao, caches.centersNearby(), caches.centersByRegion(), infra.mapper())),
                new GeocodeHandler(
                        new GeocodeService(kakao, caches.geocodes(), caches.reverses(), infra.mapper()),
                        infra.jsonBody()),
                new PlaceHandler(new PlaceService(database.jdbi()), infra.jsonBody(), infra.authenticator()),
                new ImportHandler(importService, infra.authenticator(), config.importMaxBytes()),
                // location publishes nothing: no outbox.
                new AdminRoutes(
                        "/api/v1/locations",
                        infra.authenticator(),
                        new AdminService(
                                "location",
                                new DeadLetters(amqp, List.of(config.userDeletedQueue()), infra.mapper()),
                                List.of(),
                                () -> database.jdbi()
                                        .withHandle(h -> Map.of(
                                                "bins_total",
                                                        h.attach(BinRepository.class)
                                                                .countAll(),
                                                "centers_total",
                                                        h.attach(CenterRepository.class)
                                                                .countAll(),
                                                "saved_places_total",
                                                        h.attach(PlaceRepository.class)
                                                                .countAll())))));
    }

    @Override
    public String name() {
        return "location";
    }

    @Override
    public Map<String, String> docTags() {
        return Map.of(
                "location",
                "Nearby bins and recycling centres, geocoding, saved places and the admin CSV imports "
                        + "(/api/v1/locations)");
    }

    @Override
    public void routes(Javalin app) {
        app.get("/api/v1/locations/bins", bins::nearby);
        app.get("/api/v1/locations/centers", centers::list);
        app.post("/api/v1/locations/geocode", geocoding::geocode);
        app.post("/api/v1/locations/reverse", geocoding::reverse);
        app.get("/api/v1/locations/me", places::list);
        app.post("/api/v1/locations/me", places::create);
        app.put("/api/v1/locations/me/{id}", places::replace);
        app.delete("/api/v1/locations/me/{id}", places::delete);
        app.post("/api/v1/locations/admin/import/centers", imports::centers);
        app.post("/api/v1/locations/admin/import/bins", imports::bins);
        admin.routes(app);
    }

    @Override
    public List<ApiDocs.Mount> docMounts() {
        return List.of(admin.docs());
    }

    /** API.md: search and geocoding are key ok, for every tier; saved places and imports are for people. */
    @Override
    public List<KeyRoute> keyRoutes() {
        return List.of(
                KeyRoute.get("/api/v1/locations/bins"),
                KeyRoute.get("/api/v1/locations/centers"),
                KeyRoute.post("/api/v1/locations/geocode"),
                KeyRoute.post("/api/v1/locations/reverse"));
    }

    @Override
    public List<ReadinessCheck> readiness() {
        return List.of(database.readiness(), amqp.readiness());
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return List.of(
                // Anyone may geocode: the IP always counts, and a signed-in user's bucket as well.
                new RateLimitRule("/api/v1/locations/geocode", GEOCODE, RateLimitRule.CountBy.IP_AND_USER),
                new RateLimitRule("/api/v1/locations/reverse", GEOCODE, RateLimitRule.CountBy.IP_AND_USER));
    }

    @Override
    public void quiesce(Instant deadline) {
        deletions.drain(deadline);
    }

    @Override
    public void close() {
        deletions.close();
        amqp.close();
        database.close();
    }
}
