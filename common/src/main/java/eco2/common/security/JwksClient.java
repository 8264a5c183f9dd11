package eco2.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Auth's public keys, fetched from its JWKS URL and cached. An unknown {@code kid} triggers a refetch
 * (a key was rotated in), but at most once per {@code minRefetch}, so forged kids cannot hammer auth.
 */
public final class JwksClient implements PublicKeySource {
  private static final Logger log = LoggerFactory.getLogger(JwksClient.class);

  private final URI url;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Duration minRefetch;
  private volatile Map<String, RSAPublicKey> keys = Map.of();
  private Instant lastFetch = Instant.EPOCH;

  public JwksClient(URI url, ObjectMapper mapper, Clock clock, Duration minRefetch) {
    this.url = url;
    this.mapper = mapper;
    this.clock = clock;
    this.minRefetch = minRefetch;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public RSAPublicKey find(String kid) {
    if (kid == null) return null;
    RSAPublicKey key = keys.get(kid);
    return key != null ? key : refetchFor(kid);
  }

  private synchronized RSAPublicKey refetchFor(String kid) {
    RSAPublicKey key = keys.get(kid); // another thread may have fetched while we waited
    if (key != null) return key;
    Instant now = clock.instant();
    if (Duration.between(lastFetch, now).compareTo(minRefetch) < 0) return null;
    lastFetch = now;
    try {
      keys = fetch();
    } catch (Exception e) {
      log.warn("JWKS fetch from {} failed: {}", url, e.toString());
    }
    return keys.get(kid);
  }

  private Map<String, RSAPublicKey> fetch() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) throw new IllegalStateException("JWKS answered " + response.statusCode());
    Map<String, RSAPublicKey> fetched = new HashMap<>();
    for (JsonNode jwk : mapper.readTree(response.body()).path("keys")) {
      if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")) {
        fetched.put(jwk.get("kid").asText(), RsaJwk.fromJwk(jwk.path("n").asText(), jwk.path("e").asText()));
      }
    }
    return Map.copyOf(fetched);
  }
}
