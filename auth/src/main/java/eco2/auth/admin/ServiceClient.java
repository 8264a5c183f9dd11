package eco2.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's HTTP client for the other services, always as the signed-in admin (their bearer token), never
 * reading another service's tables. Short timeouts: a service that does not answer shows as unavailable.
 */
public final class ServiceClient {
    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AdminSettings settings;
    private final ObjectMapper mapper;

    public ServiceClient(AdminSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    /** A service's answer: its status and body (JSON when it sent JSON). Status 0 means it did not answer. */
    public record Reply(int status, String body, JsonNode json) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        static Reply unreachable() {
            return new Reply(0, "", null);
        }
    }

    /** {@code token} may be null for public reads. */
    public CompletableFuture<Reply> getAsync(String service, String path, String token) {
        return send(service, "GET", path, null, token);
    }

    public Reply get(String service, String path, String token) {
        return getAsync(service, path, token).join();
    }

    /** A write (POST, PUT, DELETE) with an optional JSON body, waited for. */
    public Reply call(String service, String method, String path, JsonNode body, String token) {
        return send(service, method, path, body, token).join();
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CompletableFuture<Reply> send(String service, String method, String path, JsonNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiBase(service) + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(this::reply)
                .exceptionally(e -> {
                    log.warn("{} {} {} did not answer: {}", service, method, path, e.toString());
                    return Reply.unreachable();
                });
    }

    private Reply reply(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = null;
        if (type.startsWith("application/json") && !response.body().isEmpty()) {
            try {
                json = mapper.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
        }
        return new Reply(response.statusCode(), response.body(), json);
    }
}
