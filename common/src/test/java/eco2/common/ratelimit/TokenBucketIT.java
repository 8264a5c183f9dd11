package eco2.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.redis.Redis;
import eco2.common.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** The Lua token bucket against the real Redis: exact counts, looks, refunds, TTLs and script reloads. */
class TokenBucketIT {
    // Periods of a day keep refill far below one token for the length of a test, so counts are exact.
    private static final RateLimitPolicy TWENTY_A_DAY = RateLimitPolicy.open("t20", 20, Duration.ofDays(1));
    private static final RateLimitPolicy THREE_A_DAY = RateLimitPolicy.open("t3", 3, Duration.ofDays(1));

    private static RedisClient redis;
    private static TokenBucket bucket;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(TestServices.get().redisUri());
        bucket = new TokenBucket(redis);
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    @Test
    void capacityIsRespectedAndRemainingCountsDown() {
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TokenBucket.Decision d = bucket.take(THREE_A_DAY, "ip:1.1.1.1", 1);
            assertThat(d.allowed()).isTrue();
            assertThat(d.limit()).isEqualTo(3);
            assertThat(d.retryAfterSeconds()).isZero();
            remaining.add(d.remaining());
        }
        TokenBucket.Decision denied = bucket.take(THREE_A_DAY, "ip:1.1.1.1", 1);

        assertThat(remaining).containsExactly(2L, 1L, 0L);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
    }

    @Test
    void subjectsAndPoliciesHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) bucket.take(THREE_A_DAY, "ip:1.1.1.1", 1);

        assertThat(bucket.take(THREE_A_DAY, "ip:1.1.1.1", 1).allowed()).isFalse();
        assertThat(bucket.take(THREE_A_DAY, "ip:2.2.2.2", 1).allowed()).isTrue();
        assertThat(bucket.take(TWENTY_A_DAY, "ip:1.1.1.1", 1).allowed()).isTrue();
    }

    @Test
    void exactUnderConcurrency() throws Exception {
        int threads = 64;
        int takesEach = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> worker = () -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < takesEach; i++)
                        if (bucket.take(TWENTY_A_DAY, "user:hot", 1).allowed()) allowed++;
                    return allowed;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Integer> f : results) allowed += f.get(60, TimeUnit.SECONDS);

            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void costZeroOnlyLooks() {
        TokenBucket.Decision look = bucket.take(THREE_A_DAY, "ip:3.3.3.3", 0);

        assertThat(look.allowed()).isTrue();
        assertThat(look.remaining()).isEqualTo(3);
        assertThat(redis.exists(TokenBucket.key(THREE_A_DAY, "ip:3.3.3.3"))).isFalse();

        bucket.take(THREE_A_DAY, "ip:3.3.3.3", 1);
        for (int i = 0; i < 5; i++)
            assertThat(bucket.take(THREE_A_DAY, "ip:3.3.3.3", 0).remaining()).isEqualTo(2);
        assertThat(bucket.take(THREE_A_DAY, "ip:3.3.3.3", 1).remaining()).isEqualTo(1);
    }

    @Test
    void costZeroOnAnEmptyBucketSaysNoWithoutTakingAnything() {
        for (int i = 0; i < 3; i++) bucket.take(THREE_A_DAY, "ip:4.4.4.4", 1);

        TokenBucket.Decision look = bucket.take(THREE_A_DAY, "ip:4.4.4.4", 0);

        assertThat(look.allowed()).isFalse();
        assertThat(look.remaining()).isZero();
        assertThat(look.retryAfterSeconds()).isPositive();
    }

    @Test
    void costMinusOneRefundsAToken() {
        bucket.take(THREE_A_DAY, "ip:5.5.5.5", 1);
        bucket.take(THREE_A_DAY, "ip:5.5.5.5", 1);

        TokenBucket.Decision refund = bucket.take(THREE_A_DAY, "ip:5.5.5.5", -1);

        assertThat(refund.allowed()).isTrue();
        assertThat(refund.remaining()).isEqualTo(2);
    }

    @Test
    void aRefundOnAnEmptyBucketLetsExactlyOneMoreThrough() {
        for (int i = 0; i < 3; i++) bucket.take(THREE_A_DAY, "ip:5.5.5.6", 1);
        assertThat(bucket.take(THREE_A_DAY, "ip:5.5.5.6", 1).allowed()).isFalse();

        bucket.take(THREE_A_DAY, "ip:5.5.5.6", -1);

        assertThat(bucket.take(THREE_A_DAY, "ip:5.5.5.6", 1).allowed()).isTrue();
        assertThat(bucket.take(THREE_A_DAY, "ip:5.5.5.6", 1).allowed()).isFalse();
    }

    @Test
    void refundsNeverRaiseTheBucketAboveCapacity() {
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(THREE_A_DAY, "ip:6.6.6.6", -1).remaining()).isEqualTo(3);
        }
        int allowed = 0;
        for (int i = 0; i < 6; i++)
            if (bucket.take(THREE_A_DAY, "ip:6.6.6.6", 1).allowed()) allowed++;

        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void retryAfterAndResetAreWithinThePeriod() {
        RateLimitPolicy twoPerHundredSeconds = RateLimitPolicy.open("t2", 2, Duration.ofSeconds(100)); // 1 token / 50 s

        TokenBucket.Decision first = bucket.take(twoPerHundredSeconds, "ip:7.7.7.7", 1);
        bucket.take(twoPerHundredSeconds, "ip:7.7.7.7", 1);
        TokenBucket.Decision denied = bucket.take(twoPerHundredSeconds, "ip:7.7.7.7", 1);

        assertThat(first.resetSeconds()).isBetween(1L, 50L);
        assertThat(first.retryAfterSeconds()).isZero();
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isBetween(1L, 50L);
        assertThat(denied.resetSeconds()).isBetween(denied.retryAfterSeconds(), 100L);
    }

    @Test
    void aFullBucketResetsImmediately() {
        TokenBucket.Decision look = bucket.take(THREE_A_DAY, "ip:8.8.8.8", 0);

        assertThat(look.resetSeconds()).isZero();
        assertThat(look.retryAfterSeconds()).isZero();
    }

    @Test
    void theFlagKeyIsReported() {
        redis.set("blacklist:jti-1", "1", SetParams.setParams().ex(60));

        assertThat(bucket.take(THREE_A_DAY, "user:a", 1, "blacklist:jti-1", null)
                        .flagged())
                .isTrue();
        assertThat(bucket.take(THREE_A_DAY, "user:a", 1, "blacklist:jti-2", null)
                        .flagged())
                .isFalse();
        assertThat(bucket.take(THREE_A_DAY, "user:a", 1).flagged()).isFalse();
    }

    @Test
    void thePrefetchKeyIsReadInTheSameCall() {
        redis.set("blacklist:jti-9", "1", SetParams.setParams().ex(60));
        redis.set("user:info:42", "{\"名\":\"민아\"}", SetParams.setParams().ex(60));

        TokenBucket.Decision both = bucket.take(THREE_A_DAY, "user:c", 1, "blacklist:jti-9", "user:info:42");
        TokenBucket.Decision onlyValue = bucket.take(THREE_A_DAY, "user:c", 1, null, "user:info:42");
        TokenBucket.Decision miss = bucket.take(THREE_A_DAY, "user:c", 1, "blacklist:none", "user:info:43");

        assertThat(both.flagged()).isTrue();
        assertThat(both.prefetched()).isEqualTo("{\"名\":\"민아\"}");
        assertThat(onlyValue.flagged()).isFalse();
        assertThat(onlyValue.prefetched()).isEqualTo("{\"名\":\"민아\"}");
        assertThat(miss.flagged()).isFalse();
        assertThat(miss.prefetched()).isNull();
        assertThat(bucket.take(THREE_A_DAY, "user:c", 0).remaining()).isZero();
    }

    @Test
    void theFlagIsReportedEvenWhenTheRequestIsLimited() {
        for (int i = 0; i < 3; i++) bucket.take(THREE_A_DAY, "user:b", 1);
        redis.set("blacklist:jti-3", "1", SetParams.setParams().ex(60));

        TokenBucket.Decision d = bucket.take(THREE_A_DAY, "user:b", 1, "blacklist:jti-3", null);

        assertThat(d.allowed()).isFalse();
        assertThat(d.flagged()).isTrue();
    }

    @Test
    void theBucketIsAHashUnderItsDocumentedKeyWithATtl() {
        bucket.take(THREE_A_DAY, "ip:9.9.9.9", 1);
        String key = "ratelimit:t3:ip:9.9.9.9";

        assertThat(TokenBucket.key(THREE_A_DAY, "ip:9.9.9.9")).isEqualTo(key);
        assertThat(redis.type(key)).isEqualTo("hash");
        Map<String, String> fields = redis.hgetAll(key);
        assertThat(fields).containsOnlyKeys("tokens", "ts");
        assertThat(Double.parseDouble(fields.get("tokens"))).isBetween(1.99, 2.01);
        long ttl = redis.pttl(key);
        // One token short of full at 3/day: refilled in 8 hours, plus the script's one-second margin.
        assertThat(ttl)
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofHours(8).plusSeconds(2).toMillis());
    }

    @Test
    void aDeniedRequestKeepsTheKeyExpiring() {
        for (int i = 0; i < 4; i++) bucket.take(THREE_A_DAY, "ip:9.9.9.8", 1);

        assertThat(redis.pttl("ratelimit:t3:ip:9.9.9.8")).isPositive();
    }

    @Test
    void recoversWhenRedisForgetsTheScript() {
        bucket.take(THREE_A_DAY, "ip:10.0.0.1", 1);
        redis.scriptFlush();

        TokenBucket.Decision after = bucket.take(THREE_A_DAY, "ip:10.0.0.1", 1);

        assertThat(after.allowed()).isTrue();
        assertThat(after.remaining()).isEqualTo(1);
    }

    @Test
    void aFreshBucketInstanceWorksAfterAScriptFlush() {
        redis.scriptFlush();

        assertThat(new TokenBucket(redis).take(THREE_A_DAY, "ip:10.0.0.2", 1).remaining())
                .isEqualTo(2);
    }
}
