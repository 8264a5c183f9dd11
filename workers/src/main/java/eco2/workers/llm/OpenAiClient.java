package eco2.workers.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.workers.upstream.UpstreamFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST {LLM_BASE_URL}/chat/completions} without streaming, over a non-blocking client: the answer's
 * message content, retried up to {@code retries} times on a refused connection or a 429/5xx (nothing was
 * generated yet), with the read timeout as a hard deadline for the whole exchange.
 */
public final class OpenAiClient {
    private final LlmSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper;

    public OpenAiClient(LlmSettings settings, ObjectMapper mapper, Executor executor) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .executor(executor)
                .build();
    }

    /** The first choice's content; {@code json} asks for a JSON object answer. */
    public CompletableFuture<String> complete(
            String model, List<Map<String, Object>> messages, boolean json, Duration readTimeout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("temperature", 0);
        if (json) body.put("response_format", Map.of("type", "json_object"));
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve("chat/completions"))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        return attempt(request, settings.retries())
                .orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(error -> {
                    throw UpstreamFailure.of(error, "The model provider");
                });
    }

    private CompletableFuture<String> attempt(HttpRequest request, int retriesLeft) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    boolean retryable = error != null
                            ? error.getCause() instanceof java.net.ConnectException
                                    || error instanceof java.net.ConnectException
                            : response.statusCode() == 429 || response.statusCode() >= 500;
                    if (retryable && retriesLeft > 0) return attempt(request, retriesLeft - 1);
                    if (error != null) return CompletableFuture.<String>failedFuture(error);
                    return CompletableFuture.completedFuture(content(response));
                })
                .thenCompose(next -> next);
    }

    private String content(HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamFailure(UpstreamFailure.ERROR, "The model provider answered " + response.statusCode());
        }
        try {
            JsonNode message =
                    mapper.readTree(response.body()).path("choices").path(0).path("message");
            if (!message.path("content").isTextual()) {
                throw new UpstreamFailure(UpstreamFailure.UNRECOGNISED, "The model provider sent no answer text");
            }
            return message.get("content").asText();
        } catch (IOException e) {
            throw new UpstreamFailure(UpstreamFailure.ERROR, "The model provider sent unreadable JSON");
        }
    }
}
