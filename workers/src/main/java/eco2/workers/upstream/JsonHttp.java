package eco2.workers.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Non-blocking JSON over HTTP for the sibling services (info, location): each call has a deadline, a 404 is an
 * empty answer, and anything else unexpected is an {@link UpstreamFailure} naming the service.
 */
public final class JsonHttp {
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final URI base;
    private final String name;
    private final Duration timeout;

    public JsonHttp(ObjectMapper mapper, URI base, String name, Duration timeout, Executor executor) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(executor)
                .build();
        this.mapper = mapper;
        this.base = base;
        this.name = name;
        this.timeout = timeout;
    }

    /** The body of a 2xx, or null for a 404. */
    public CompletableFuture<JsonNode> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public CompletableFuture<JsonNode> post(String path, Object body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private CompletableFuture<JsonNode> send(HttpRequest.Builder request) {
        HttpRequest built =
                request.timeout(timeout).header("Accept", "application/json").build();
        return client.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
            if (error != null) throw UpstreamFailure.of(error, name);
            if (response.statusCode() == 404) return null;
            if (response.statusCode() / 100 != 2) {
                throw new UpstreamFailure(UpstreamFailure.ERROR, name + " answered " + response.statusCode());
            }
            try {
                return mapper.readTree(response.body());
            } catch (IOException e) {
                throw new UpstreamFailure(UpstreamFailure.ERROR, name + " sent unreadable JSON");
            }
        });
    }
}
