package eco2.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.Unavailable;
import eco2.common.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ApiKeyLookup} over HTTP to auth's internal endpoint (not routed by the gateway or the Ingress). Only the
 * key's prefix and SHA-256 travel, never the key. Auth not answering within the timeout fails closed with 503.
 */
public final class HttpApiKeyLookup implements ApiKeyLookup {
    private static final Logger log = LoggerFactory.getLogger(HttpApiKeyLookup.class);

    private final URI url;
    private final ObjectMapper mapper;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public HttpApiKeyLookup(URI authBaseUrl, ObjectMapper mapper) {
        this.url = authBaseUrl.resolve(PATH);
        this.mapper = mapper;
    }

    @Override
    public boolean lookup(String prefix, String sha256) {
        try {
            byte[] body = Json.writeBytes(mapper, Map.of("prefix", prefix, "key_sha256", sha256));
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new IllegalStateException("auth answered " + response.statusCode());
            return mapper.readTree(response.body()).path("valid").asBoolean(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("API keys cannot be checked right now");
        } catch (Exception e) {
            log.warn("API key lookup at {} failed: {}", url, e.toString());
            throw new Unavailable("API keys cannot be checked right now");
        }
    }
}
