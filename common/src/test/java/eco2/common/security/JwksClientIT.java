package eco2.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eco2.common.error.Unavailable;
import eco2.common.json.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS cache against a real HTTP server: refetches on unknown kids, but at most once per minRefetch. */
class JwksClientIT {
    private static final Duration MIN_REFETCH = Duration.ofMinutes(1);
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private HttpServer server;
    private JwksClient client;

    private final RSAPublicKey first = newKey();
    private final RSAPublicKey second = newKey();

    /** A clock the test moves by hand, so "after minRefetch" needs no sleeping. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() throws Exception {
        serve(Map.of("first", first));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        client = new JwksClient(url, MAPPER, clock, MIN_REFETCH);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(Map<String, RSAPublicKey> keys) throws Exception {
        List<Object> jwks = new ArrayList<>();
        keys.forEach((kid, key) -> jwks.add(RsaJwk.toJwk(key, kid)));
        document.set(MAPPER.writeValueAsString(Map.of("keys", jwks)));
    }

    private static RSAPublicKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPublicKey) generator.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameKey(RSAPublicKey actual, RSAPublicKey expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.getModulus()).isEqualTo(expected.getModulus());
        assertThat(actual.getPublicExponent()).isEqualTo(expected.getPublicExponent());
    }

    @Test
    void findsAKnownKidWithOneFetchAndCachesItForTheMaxAge() {
        assertSameKey(client.find("first"), first);
        assertSameKey(client.find("first"), first);
        clock.advance(JwksClient.MAX_AGE.minusSeconds(1));
        assertSameKey(client.find("first"), first);

        assertThat(fetches).hasValue(1);
    }

    @Test
    void aNullKidIsUnknownWithoutAFetch() {
        assertThat(client.find(null)).isNull();
        assertThat(fetches).hasValue(0);
    }

    @Test
    void unknownKidsTriggerAtMostOneRefetchPerInterval() {
        client.find("first");
        clock.advance(MIN_REFETCH.plusSeconds(1));

        for (int i = 0; i < 20; i++) assertThat(client.find("forged-" + i)).isNull();

        assertThat(fetches).hasValue(2);
        assertSameKey(client.find("first"), first);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void noRefetchBeforeTheIntervalHasPassed() {
        client.find("first");
        clock.advance(MIN_REFETCH.minusSeconds(1));

        assertThat(client.find("forged")).isNull();

        assertThat(fetches).hasValue(1);
    }

    @Test
    void concurrentUnknownKidsCauseOneFetch() throws Exception {
        client.find("first");
        clock.advance(MIN_REFETCH.plusSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RSAPublicKey>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String kid = "forged-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return client.find(kid);
                }));
            }
            go.countDown();
            for (Future<RSAPublicKey> f : results)
                assertThat(f.get(30, TimeUnit.SECONDS)).isNull();
        } finally {
            pool.shutdownNow();
        }

        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRotatedInKeyIsPickedUpAfterTheInterval() throws Exception {
        assertSameKey(client.find("first"), first);
        serve(Map.of("second", second, "first", first));

        assertThat(client.find("second"))
                .as("within minRefetch of the last fetch")
                .isNull();
        assertThat(fetches).hasValue(1);

        clock.advance(MIN_REFETCH);
        assertSameKey(client.find("second"), second);
        assertSameKey(client.find("first"), first);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRetiredKeyDisappearsWithTheNextFetch() throws Exception {
        client.find("first");
        serve(Map.of("second", second));
        clock.advance(MIN_REFETCH);

        assertSameKey(client.find("second"), second);
        assertThat(client.find("first")).isNull();
    }

    @Test
    void aFailedFetchKeepsTheKeysItHad() {
        client.find("first");
        status.set(500);
        clock.advance(MIN_REFETCH);

        assertThat(client.find("second")).isNull();

        assertThat(fetches).hasValue(2);
        assertSameKey(client.find("first"), first);
    }

    @Test
    void keysAreRefreshedWhenTheyAreOlderThanAuthsMaxAge() throws Exception {
        client.find("first");
        serve(Map.of("second", second));
        clock.advance(JwksClient.MAX_AGE);

        assertThat(client.find("first"))
                .as("retired at auth, and our copy is stale")
                .isNull();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFirstFetchIsUnavailableNotInvalidAndIsRetriedAfterTheInterval() throws Exception {
        status.set(503);
        assertThatThrownBy(() -> client.find("first")).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> client.find("first")).isInstanceOf(Unavailable.class);
        assertThat(fetches).hasValue(1);

        status.set(200);
        clock.advance(MIN_REFETCH);

        assertSameKey(client.find("first"), first);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void nonRsaAndKidlessEntriesAreSkipped() throws Exception {
        Map<String, String> rsa = RsaJwk.toJwk(first, "first");
        Map<String, String> noKid = new LinkedHashMap<>(RsaJwk.toJwk(second, "x"));
        noKid.remove("kid");
        Map<String, String> ec = Map.of("kty", "EC", "kid", "ec-key", "crv", "P-256", "x", "AA", "y", "AA");
        document.set(MAPPER.writeValueAsString(Map.of("keys", List.of(ec, noKid, rsa))));

        assertSameKey(client.find("first"), first);
        assertThat(client.find("ec-key")).isNull();
    }

    @Test
    void keysThatCouldNotBeConfirmedForTheHardMaximumAgeAreNoLongerTrusted() {
        client.find("first");
        status.set(500);
        clock.advance(JwksClient.MAX_KEY_AGE.minusMinutes(1));
        assertSameKey(client.find("first"), first);

        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> client.find("first")).isInstanceOf(Unavailable.class);
    }

    @Test
    void theBackgroundRefreshKeepsRequestsFromFetching() throws Exception {
        client.find("first");
        serve(Map.of("first", first, "second", second));
        clock.advance(JwksClient.MAX_AGE.minusSeconds(10));

        client.refreshNow(); // what the jwks-refresh thread does every minute
        clock.advance(Duration.ofSeconds(20));

        assertSameKey(client.find("second"), second);
        assertSameKey(client.find("first"), first);
        assertThat(fetches).as("one at the start, one in the background").hasValue(2);
    }
}
