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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auth's public keys, fetched from its JWKS URL and cached for five minutes (auth's own max-age), so a retired
 * key stops being trusted soon. An unknown {@code kid} triggers a refetch (a key was rotated in), but at most
 * once per {@code minRefetch}, so forged kids cannot hammer auth. A failed fetch keeps the keys it had; with
 * no keys at all yet, verification answers 503 rather than calling every token invalid.
 */
public final class JwksClient implements PublicKeySource {
    private static final Logger log = LoggerFactory.getLogger(JwksClient.class);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

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
