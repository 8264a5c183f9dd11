package eco2.workers.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.workers.upstream.UpstreamFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * {@code POST {LLM_BASE_URL}/chat/completions} with {@code stream: true}, without a thread waiting on it: the
 * response's lines arrive on a subscriber that asks for the next line only once the sink has room, so a client
 * that is slow to take tokens slows the upstream read (TCP back-pressure) instead of filling memory. Each content
 * delta goes to the sink as it arrives. A refused connection or a 429/5xx is retried (nothing was generated yet);
 * cancelling the returned future cancels the subscription, which closes the upstream connection.
 */
public final class OpenAiStream {
    private final LlmSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper;

    /** {@code executor} runs the client's own work and the sink's calls: it must never block. */
    public OpenAiStream(LlmSettings settings, ObjectMapper mapper, Executor executor) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    /** The whole text once the provider has finished; fails with an {@link UpstreamFailure}. */
    public CompletableFuture<String> stream(
            String model, List<Map<String, Object>> messages, Integer maxTokens, TokenSink onToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("stream", true);
        if (maxTokens != null) body.put("max_tokens", maxTokens);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(settings.baseUrl().resolve("chat/completions"))
                    .timeout(settings.chatTimeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + settings.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        attempt(request, settings.retries(), result, onToken);
        return result;
    }

    private void attempt(HttpRequest request, int retriesLeft, CompletableFuture<String> result, TokenSink onToken) {
        Tokens tokens = new Tokens(result, onToken);
        client.sendAsync(
                        request,
                        info -> info.statusCode() == 200
                                ? HttpResponse.BodySubscribers.fromLineSubscriber(tokens)
                                : HttpResponse.BodySubscribers.replacing(null))
                .whenComplete((response, error) -> {
                    if (result.isDone()) return; // cancelled by the caller meanwhile
                    boolean refused = error != null && connectFailure(error);
                    boolean busy = response != null && (response.statusCode() == 429 || response.statusCode() >= 500);
                    if ((refused || busy) && retriesLeft > 0) {
                        attempt(request, retriesLeft - 1, result, onToken);
                    } else if (error != null) {
                        result.completeExceptionally(UpstreamFailure.of(error, "The model provider"));
                    } else if (response.statusCode() != 200) {
                        result.completeExceptionally(new UpstreamFailure(
                                UpstreamFailure.ERROR, "The model provider answered " + response.statusCode()));
                    }
                });
    }

    private static boolean connectFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return true;
        }
        return false;
    }

    /** Reads {@code data:} lines one at a time and hands on their content deltas. */
    private final class Tokens implements Flow.Subscriber<String> {
        private final CompletableFuture<String> result;
        private final TokenSink onToken;
        private final StringBuilder text = new StringBuilder();
        private Flow.Subscription subscription;

        Tokens(CompletableFuture<String> result, TokenSink onToken) {
            this.result = result;
            this.onToken = onToken;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            result.whenComplete((text, error) -> {
                if (error instanceof CancellationException || error != null) subscription.cancel();
            });
            subscription.request(1);
        }

        @Override
        public void onNext(String line) {
            if (result.isDone()) return;
            if (line.startsWith("data:")) {
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    result.complete(text.toString());
                    subscription.cancel();
                    return;
                }
                String piece = content(data);
                if (piece != null && !piece.isEmpty()) {
                    text.append(piece);
                    onToken.accept(piece);
                    onToken.room().thenRun(() -> subscription.request(1));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(new UpstreamFailure(
                    UpstreamFailure.ERROR,
                    "The model provider's stream broke off: " + error.getClass().getSimpleName()));
        }

        @Override
        public void onComplete() {
            result.complete(text.toString()); // a provider that ends without [DONE] still said what it said
        }

        private String content(String data) {
            try {
                JsonNode delta = mapper.readTree(data)
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("content");
                return delta.isTextual() ? delta.asText() : null;
            } catch (IOException e) {
                return null; // a keep-alive or a field this client does not know
            }
        }
    }
}
