package eco2.location.bins;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.redis.Redis;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.location.LocationCaches;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The bins cache: a hit is the very JSON the database path answers (also from an app with the cache off, and from
 * one whose Redis is down), it lives an hour under the rounded coordinates, and an import makes it stale at once.
 */
class BinCacheIT {
    static final String QUERY = "/api/v1/locations/bins?lat=37.56631&lon=126.97789&radius=2000&type=plastic&limit=5";
    static final String KEY = LocationCaches.BINS + "37.5663:126.9779:2000:plastic:5";

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        redis = Redis.connect(TestServices.get().redisUri());
        LocationTestApp app = location.get();
        app.db.useHandle(h -> h.execute("INSERT INTO locations.recycle_bins (source, source_id, name, address, "
                + "latitude, longitude, bin_type, region) SELECT 'test', g::text, 'bin ' || g, 'addr ' || g, "
                + "37.5663 + g * 0.0007, 126.9779 - g * 0.0004, 'plastic', '서울특별시' FROM generate_series(1, 12) AS g"));
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void aSecondRequestIsServedFromRedisWithTheSameBody() {
        redis.del(KEY);
        TestHttp.Response first = location.get().http.get(QUERY);
        assertThat(first.status()).isEqualTo(200);
        String stored = redis.get(KEY);
        assertThat(stored).as("stamped with the generation, then the document").endsWith("\n" + first.body());
        assertThat(redis.ttl(KEY)).isBetween(3590L, 3600L);

        // Prove the second answer comes from Redis: change the stored document and see it served.
        String marked = stored.replace("\"bin 1\"", "\"bin 1 (from cache)\"");
        redis.set(KEY, marked, SetParams.setParams().ex(60));
        assertThat(location.get().http.get(QUERY).body()).contains("bin 1 (from cache)");
        redis.del(KEY);
        assertThat(location.get().http.get(QUERY).body()).isEqualTo(first.body());
    }

    @Test
    void theCachedAnswerIsIdenticalToOneFromAnAppWithoutCache() throws Exception {
        String cachedTwice = location.get().http.get(QUERY).body();
        assertThat(location.get().http.get(QUERY).body()).isEqualTo(cachedTwice);
        try (LocationTestApp uncached = LocationTestApp.startOn(
                location.get().database, TestServices.get().redisUri(), LocationTestApp.cacheOff())) {
            redis.del(KEY);
            assertThat(uncached.http.get(QUERY).body()).isEqualTo(cachedTwice);
            assertThat(redis.exists(KEY)).as("the cache-off app never writes").isFalse();
        }
    }

    @Test
    void withRedisDownTheDatabaseAnswers() throws Exception {
        String healthy = location.get().http.get(QUERY).body();
        try (LocationTestApp noRedis =
                LocationTestApp.startOn(location.get().database, "redis://127.0.0.1:1/0", c -> c)) {
            TestHttp.Response r = noRedis.http.get(QUERY);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(healthy);
        }
    }

    @Test
    void anImportInvalidatesCachedSearches() {
        String query = "/api/v1/locations/bins?lat=37.5663&lon=126.9779&radius=300&type=glass";
        String before = location.get().http.get(query).body();
        assertThat(before).isEqualTo("{\"items\":[]}");
        assertThat(location.get().http.get(query).body()).isEqualTo(before); // now cached

        LocationTestApp.User admin = location.get().admin();
        String csv =
                "name,address,latitude,longitude,bin_type,region\n시청 유리병 수거함,서울 중구 세종대로 110,37.5664,126.9780,glass,서울특별시\n";
        TestHttp.Response imported = location.get()
                .http
                .post(
                        "/api/v1/locations/admin/import/bins",
                        "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8),
                        admin.auth());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("inserted").asInt()).isEqualTo(1);

        assertThat(location.get().http.get(query).json().get("items").findValuesAsText("name"))
                .containsExactly("시청 유리병 수거함");
    }
}
