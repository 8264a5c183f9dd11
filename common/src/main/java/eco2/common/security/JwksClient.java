package eco2.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.Unavailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auth's public keys, fetched from its JWKS URL and cached for five minutes (auth's own max-age), so a retired
 * key stops being trusted soon. With {@link #startRefreshing()} a background thread refetches them every minute,
 * so request threads do not wait for auth; without it (or while auth does not answer) a request that finds the
 * keys stale refetches them itself. An unknown {@code kid} triggers a refetch (a key was rotated in), but at most
 * once per {@code minRefetch}, so forged kids cannot hammer auth. A failed fetch keeps the keys it had, but only
 * for {@link #MAX_KEY_AGE}: keys that could not be confirmed for that long are dropped, and with no keys,
 * verification answers 503 rather than calling every token invalid.
 */
public final class JwksClient implements PublicKeySource {
    private static final Logger log = LoggerFactory.getLogger(JwksClient.class);
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How long keys are trusted without a successful fetch, however long auth is away. */
    public static final Duration MAX_KEY_AGE = Duration.ofHours(1);

    static final Duration BACKGROUND_PERIOD = Duration.ofMinutes(1);

    private final URI url;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration minRefetch;
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    private volatile Instant loadedAt;
    private Instant lastAttempt = Instant.EPOCH;

    public JwksClient(URI url, ObjectMapper mapper, Clock clock, Duration minRefetch) {
        this.url = url;
        this.mapper = mapper;
        this.clock = clock;
        this.minRefetch = minRefetch;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public RSAPublicKey find(String kid) {
        if (kid == null) return null;
        RSAPublicKey key = keys.get(kid);
        Instant loaded = loadedAt;
        if (key != null && loaded != null && !isStale(loaded)) return key;
        return refresh(kid);
    }

    /** Refetches the keys every minute on a daemon thread, from now on; returns this client. */
    public JwksClient startRefreshing() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long period = BACKGROUND_PERIOD.toMillis();
        timer.scheduleWithFixedDelay(this::refreshNow, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One background fetch: replaces the keys on success, keeps them (up to their hard age) on failure. */
    synchronized void refreshNow() {
        try {
            keys = fetch();
            loadedAt = clock.instant();
        } catch (Exception e) {
            log.warn("JWKS background fetch from {} failed: {}", url, e.toString());
        }
    }

    private synchronized RSAPublicKey refresh(String kid) {
        Instant now = clock.instant();
        boolean wanted = loadedAt == null || isStale(loadedAt) || !keys.containsKey(kid);
        if (wanted && Duration.between(lastAttempt, now).compareTo(minRefetch) >= 0) {
            lastAttempt = now;
            try {
                keys = fetch();
                loadedAt = now;
            } catch (Exception e) {
                log.warn("JWKS fetch from {} failed: {}", url, e.toString());
            }
        }
        if (loadedAt == null) throw new Unavailable("Token signing keys are not available yet; try again shortly");
        if (Duration.between(loadedAt, now).compareTo(MAX_KEY_AGE) >= 0) {
            throw new Unavailable(
                    "Token signing keys could not be confirmed with auth for too long; try again shortly");
        }
        return keys.get(kid);
    }

    private boolean isStale(Instant loaded) {
        return Duration.between(loaded, clock.instant()).compareTo(MAX_AGE) >= 0;
    }

    private Map<String, RSAPublicKey> fetch() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IllegalStateException("JWKS answered " + response.statusCode());
        Map<String, RSAPublicKey> fetched = new HashMap<>();
        for (JsonNode jwk : mapper.readTree(response.body()).path("keys")) {
            if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")) {
                fetched.put(
                        jwk.get("kid").asText(),
                        RsaJwk.fromJwk(jwk.path("n").asText(), jwk.path("e").asText()));
            }
        }
        return Map.copyOf(fetched);
    }
}
