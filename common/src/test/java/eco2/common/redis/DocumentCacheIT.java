package eco2.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.testing.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The shared document cache against the real Redis: what it stores, for how long, what a generation bump retires,
 * what it counts on /metrics, and that a dead Redis only costs the loader a call.
 */
class DocumentCacheIT {
    static RedisClient redis;
    static RedisClient deadRedis;

    PrometheusMeterRegistry registry;
    String prefix;
    String counter;
    AtomicInteger loads;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(TestServices.get().redisUri());
        deadRedis = Redis.connect("redis://127.0.0.1:1/0");
    }

    @AfterAll
    static void close() {
        redis.close();
        deadRedis.close();
    }

    @BeforeEach
    void fresh() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String run = UUID.randomUUID().toString().substring(0, 8);
        prefix = "test:doc:" + run + ":";
        counter = "test:generation:" + run;
        loads = new AtomicInteger();
    }

    @Test
    void aMissLoadsAndStoresWithTheTtlAndTheNextReadIsAHit() {
        DocumentCache cache = cache(Duration.ofMinutes(5));

        assertThat(cache.read("a", loader("{\"n\":1}"))).isEqualTo("{\"n\":1}");
        assertThat(redis.get(prefix + "a")).isEqualTo("{\"n\":1}");
        assertThat(redis.ttl(prefix + "a")).isBetween(295L, 300L);
        assertThat(cache.read("a", loader("{\"n\":2}"))).as("served from Redis").isEqualTo("{\"n\":1}");
        assertThat(loads).hasValue(1);

        assertThat(count("cache_hits_total")).isEqualTo(1);
        assertThat(count("cache_misses_total")).isEqualTo(1);
        assertThat(count("cache_errors_total")).isZero();
    }

    @Test
    void aFillKeepsWhatAWriterStoredMeanwhileAndAPutReplacesIt() {
        DocumentCache cache = cache(Duration.ofMinutes(5));
        DocumentCache.Lookup miss = cache.get("a");
        cache.put("a", "{\"written\":true}");
        cache.fill(miss, "{\"loaded\":true}");
        assertThat(redis.get(prefix + "a")).isEqualTo("{\"written\":true}");

        cache.put("a", "", Duration.ofSeconds(30));
        assertThat(redis.get(prefix + "a")).isEmpty();
        assertThat(redis.ttl(prefix + "a")).isBetween(25L, 30L);
        cache.invalidate(List.of("a", "b"));
        assertThat(redis.exists(prefix + "a")).isFalse();
    }

    @Test
    void aPrefetchedValueIsUsedWithoutAskingRedis() {
        DocumentCache cache = cache(Duration.ofMinutes(5));
        UUID user = UUID.randomUUID();
        redis.set(prefix + user, "{\"in\":\"redis\"}", SetParams.setParams().ex(60));

        assertThat(cache.read(user, new Prefetched(prefix + user, "{\"from\":\"gate\"}"), loader("{}")))
                .isEqualTo("{\"from\":\"gate\"}");
        assertThat(cache.read(user, new Prefetched("another:key", "{\"other\":1}"), loader("{}")))
                .as("a prefetch of another key is ignored")
                .isEqualTo("{\"in\":\"redis\"}");
        assertThat(cache.read(user, new Prefetched(prefix + user, null), loader("{\"loaded\":1}")))
                .as("the gate saw a miss")
                .isEqualTo("{\"loaded\":1}");
        assertThat(count("cache_hits_total")).isEqualTo(2);
        assertThat(count("cache_misses_total")).isEqualTo(1);
    }

    @Test
    void aStampedCacheKeepsItsKeyAndABumpRetiresEveryEntry() {
        DocumentCache cache = cache(Duration.ofHours(1)).withGeneration(Generation.stamped(counter));
        cache.read("a", loader("{\"v\":1}"));
        assertThat(redis.get(prefix + "a")).isEqualTo("0\n{\"v\":1}");
        assertThat(redis.ttl(prefix + "a")).isBetween(3595L, 3600L);
        assertThat(cache.read("a", loader("{\"v\":2}"))).isEqualTo("{\"v\":1}");

        assertThat(cache.invalidateAll()).isTrue();

        assertThat(redis.get(counter)).isEqualTo("1");
        assertThat(cache.read("a", loader("{\"v\":3}"))).isEqualTo("{\"v\":3}");
        assertThat(redis.get(prefix + "a")).as("the stale entry is overwritten").isEqualTo("1\n{\"v\":3}");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anInKeyCacheWritesUnderTheGenerationAndABumpRetiresEveryEntry() {
        DocumentCache cache = cache(Duration.ofHours(1)).withGeneration(Generation.inKey(counter));
        DocumentCache other = cache(Duration.ofHours(1)).withGeneration(Generation.inKey(counter));
        cache.read("a", loader("{\"v\":1}"));
        assertThat(redis.get(prefix + "0:a")).isEqualTo("{\"v\":1}");
        assertThat(redis.ttl(prefix + "0:a")).isBetween(3595L, 3600L);

        other.invalidateAll(); // as another replica would

        assertThat(cache.read("a", loader("{\"v\":2}"))).isEqualTo("{\"v\":2}");
        assertThat(redis.get(prefix + "1:a")).isEqualTo("{\"v\":2}");
        assertThat(cache.read("a", loader("{\"v\":3}"))).isEqualTo("{\"v\":2}");
        assertThat(loads).hasValue(2);
    }

    @Test
    void withRedisDownTheLoaderAnswersAndNothingIsThrown() {
        DocumentCache plain = DocumentCache.create(deadRedis, registry, "test", prefix, Duration.ofMinutes(5));
        DocumentCache versioned = plain.withGeneration(Generation.stamped(counter));

        assertThat(plain.read("a", loader("{\"v\":1}"))).isEqualTo("{\"v\":1}");
        assertThat(versioned.read("a", loader("{\"v\":2}"))).isEqualTo("{\"v\":2}");
        plain.put("a", "{}");
        plain.invalidate(UUID.randomUUID());
        assertThat(versioned.invalidateAll()).isFalse();

        assertThat(loads).hasValue(2);
        // Two reads, the plain cache's fill (tried, as before), the put, the invalidation and the bump.
        assertThat(count("cache_errors_total")).isEqualTo(6);
        assertThat(count("cache_hits_total") + count("cache_misses_total")).isZero();
    }

    @Test
    void aDisabledCacheNeitherReadsNorFillsButStillInvalidates() {
        DocumentCache cache = cache(Duration.ofMinutes(5))
                .withGeneration(Generation.stamped(counter))
                .enabled(false);
        redis.set(prefix + "a", "0\n{\"cached\":true}", SetParams.setParams().ex(60));

        assertThat(cache.read("a", loader("{\"fresh\":true}"))).isEqualTo("{\"fresh\":true}");
        assertThat(cache.read("b", loader("{}"))).isEqualTo("{}");
        assertThat(redis.exists(prefix + "b")).isFalse();
        cache.invalidateAll();
        assertThat(redis.get(counter)).isEqualTo("1");
        assertThat(count("cache_hits_total") + count("cache_misses_total")).isZero();
    }

    @Test
    void singleEntryWritesAreRefusedOnAGenerationCache() {
        DocumentCache cache = cache(Duration.ofMinutes(5)).withGeneration(Generation.inKey(counter));
        assertThatThrownBy(() -> cache.put("a", "{}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.invalidate("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache(Duration.ofMinutes(1)).invalidateAll())
                .isInstanceOf(IllegalStateException.class);
    }

    private DocumentCache cache(Duration ttl) {
        return DocumentCache.create(redis, registry, "test", prefix, ttl);
    }

    private Supplier<String> loader(String json) {
        return () -> {
            loads.incrementAndGet();
            return json;
        };
    }

    /** The sample's value as /metrics shows it, e.g. {@code cache_hits_total{cache="test"} 1.0}. */
    private long count(String metric) {
        String prefixOfLine = metric + "{cache=\"test\"} ";
        return registry.scrape()
                .lines()
                .filter(line -> line.startsWith(prefixOfLine))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(prefixOfLine.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError(metric + " is not on /metrics"));
    }
}
