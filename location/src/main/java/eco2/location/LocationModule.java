package eco2.location;

import eco2.common.db.Database;
import eco2.common.http.Infra;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.location.bins.BinHandler;
import eco2.location.bins.BinService;
import eco2.location.centers.CenterHandler;
import eco2.location.centers.CenterService;
import eco2.location.geocode.GeocodeHandler;
import eco2.location.geocode.GeocodeService;
import eco2.location.importer.ImportHandler;
import eco2.location.importer.ImportReport;
import eco2.location.importer.ImportService;
import eco2.location.kakao.KakaoLocalClient;
import eco2.location.sample.SampleData;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The location service's composition root: nearby bins and centres, Kakao geocoding and imports. */
public final class LocationModule implements ServiceModule {
  private static final Logger log = LoggerFactory.getLogger(LocationModule.class);
  /** Each geocode that misses the cache spends Kakao quota: a tighter bucket than the default. */
  static final RateLimitPolicy GEOCODE = RateLimitPolicy.open("location_geocode", 30, Duration.ofMinutes(1));

  private final Database database;
  private final BinHandler bins;
  private final CenterHandler centers;
  private final GeocodeHandler geocoding;
  private final ImportHandler imports;

  private LocationModule(Database database, BinHandler bins, CenterHandler centers, GeocodeHandler geocoding,
                         ImportHandler imports) {
    this.database = database;
    this.bins = bins;
    this.centers = centers;
    this.geocoding = geocoding;
    this.imports = imports;
  }

  public static LocationModule create(LocationConfig config, Infra infra) {
    Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
    LocationCaches caches = LocationCaches.create(infra.redis(), config.cacheEnabled());
    KakaoLocalClient kakao = new KakaoLocalClient(config.kakao(), infra.mapper());
    ImportService importService = new ImportService(database.jdbi(), caches.binsNearby(), caches.centersNearby());
    if (config.sampleData()) {
      ImportReport sample = SampleData.load(importService);
      log.info("dev sample data (source 'sample'): {} inserted, {} updated", sample.inserted(), sample.updated());
    }
    return new LocationModule(database,
        new BinHandler(new BinService(database.jdbi(), caches.binsNearby(), infra.mapper())),
        new CenterHandler(new CenterService(database.jdbi(), kakao, caches.centersNearby(), caches.centersByRegion(),
            infra.mapper())),
        new GeocodeHandler(new GeocodeService(kakao, caches.geocodes(), caches.reverses(), infra.mapper()),
            infra.jsonBody()),
        new ImportHandler(importService, infra.authenticator(), config.importMaxBytes()));
  }

  @Override
  public String name() {
    return "location";
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/v1/locations/bins", bins::nearby);
    app.get("/api/v1/locations/centers", centers::list);
    app.post("/api/v1/locations/geocode", geocoding::geocode);
    app.post("/api/v1/locations/reverse", geocoding::reverse);
    app.post("/api/v1/locations/admin/import/centers", imports::centers);
    app.post("/api/v1/locations/admin/import/bins", imports::bins);
  }

  @Override
  public List<ReadinessCheck> readiness() {
    return List.of(database.readiness());
  }

  @Override
  public List<RateLimitRule> rateLimits() {
    return List.of(new RateLimitRule("/api/v1/locations/geocode", GEOCODE),
        new RateLimitRule("/api/v1/locations/reverse", GEOCODE));
  }

  @Override
  public void close() {
    database.close();
  }
}
