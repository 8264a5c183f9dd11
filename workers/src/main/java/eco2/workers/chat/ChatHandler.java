package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.ApiException;
import eco2.common.error.ErrorEnvelope;
import eco2.common.security.Authenticator;
import eco2.common.security.Identity;
import eco2.common.security.KeyPrincipal;
import eco2.workers.llm.TokenSink;
import eco2.workers.upstream.UpstreamFailure;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/chat/completions}, OpenAI-compatible. Checks, session and the user message happen while an
 * error can still be the JSON envelope; then the answer is produced asynchronously (no request thread waits on
 * retrieval or a provider) and written whole, or as {@code chat.completion.chunk} events ending in {@code [DONE]}.
 */
public final class ChatHandler {
    private static final Logger log = LoggerFactory.getLogger(ChatHandler.class);
    static final String DEFAULT_MODEL = "eco2-guide";

    private final ChatRequestReader reader;
    private final ChatStore store;
    private final ChatRetriever retriever;
    private final ChatReply reply;
    private final StreamSlots slots;
    private final Authenticator auth;
    private final ObjectMapper mapper;
    private final Executor db;
    private final Executor work;
    private final ScheduledExecutorService timer;
    private final long pingMillis;
    private final Clock clock;

    public ChatHandler(
            ChatStore store,
            ChatRetriever retriever,
            ChatReply reply,
            StreamSlots slots,
            Authenticator auth,
            ObjectMapper mapper,
            Executor db,
            Executor work,
            ScheduledExecutorService timer,
            long pingMillis,
            Clock clock) {
        this.reader = new ChatRequestReader(mapper);
        this.store = store;
        this.retriever = retriever;
        this.reply = reply;
        this.slots = slots;
        this.auth = auth;
        this.mapper = mapper;
        this.db = db;
        this.work = work;
        this.timer = timer;
        this.pingMillis = pingMillis;
        this.clock = clock;
    }

    /**
     * {@code curl -N localhost:8085/api/v1/chat/completions -H "Authorization: Bearer $TOKEN" -H 'Content-Type:
     * application/json' -d '{"messages":[{"role":"user","content":"치킨 뼈는 음식물이야?"}],"stream":true}'}
     */
    @OpenApi(
            path = "/api/v1/chat/completions",
            methods = HttpMethod.POST,
            versions = "workers",
            tags = "chat",
            operationId = "createChatCompletion",
            summary = "Chat completion (OpenAI-compatible)",
            description = "OpenAI-compatible chat about sorting waste, grounded in the guide; stream: true gives "
                    + "text/event-stream chunks ending with data: [DONE]",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            description = "OpenAI's chat completion request: messages [{role, content}], stream, "
                                    + "session_id, location {latitude, longitude}, and the OpenAI fields client "
                                    + "libraries send (model, temperature, max_tokens, stream_options, ...)",
                            content = @OpenApiContent(from = Object.class)),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        description = "chat.completion (JSON), or chat.completion.chunk events with stream: true",
                        content = {
                            @OpenApiContent(from = Object.class),
                            @OpenApiContent(mimeType = "text/event-stream", type = "string")
                        }),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "429", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void completions(Context ctx) {
        UUID userId = null; // the owner: a user, or an API key's family (whose streams its tier bounds)
        ChatRequest request;
        String slot = null;
        ChatStore.Opened opened;
        try {
            Identity caller = auth.identify(ctx);
            userId = caller.ownerId();
            request = reader.read(ctx);
            if (request.stream()) {
                slot = caller instanceof KeyPrincipal key
                        ? slots.acquire(userId, key.tier().openStreams())
                        : slots.acquire(userId);
            }
            opened = store.open(userId, request.sessionId(), request.question());
        } catch (ApiException e) {
            if (slot != null) slots.release(userId, slot);
            ChatErrors.write(ctx, e);
            return;
        } catch (RuntimeException e) {
            if (slot != null) slots.release(userId, slot);
            throw e;
        }
        ChatChunks chunks = new ChatChunks(
                clock.instant().getEpochSecond(),
                request.model() == null ? DEFAULT_MODEL : request.model(),
                opened.sessionId());
        CompletableFuture<Grounding> grounding = retriever.retrieve(request, opened.earlierQuestions());
        if (request.stream()) {
            stream(ctx, userId, slot, request, opened, chunks, grounding);
        } else {
            whole(ctx, userId, request, opened, chunks, grounding);
        }
    }

    private void whole(
            Context ctx,
            UUID userId,
            ChatRequest request,
            ChatStore.Opened opened,
            ChatChunks chunks,
            CompletableFuture<Grounding> grounding) {
        ctx.future(() -> grounding
                .thenComposeAsync(
                        g -> reply.write(request, g, piece -> {}).thenApply(text -> new ChatAnswer(text, "stop", g)),
                        work)
                .thenAcceptAsync(
                        answer -> {
                            store.answer(
                                    userId,
                                    opened.sessionId(),
                                    answer.content(),
                                    answer.grounding().intent(),
                                    answer.grounding().sources(),
                                    answer.finishReason());
                            ctx.json(chunks.completion(answer, ChatChunks.usage(request, answer.content())));
                        },
                        db)
                .exceptionally(error -> {
                    UpstreamFailure failure = UpstreamFailure.of(error, "The answer");
                    log.warn("chat answer failed: {}", failure.getMessage());
                    ctx.status(502).json(ChatErrors.body(ctx, 502, "bad_gateway", failure.getMessage(), null));
                    return null;
                }));
    }

    /**
     * The stream runs inside the request's async mode (Javalin starts it before calling the supplier), as the
     * non-blocking output requires. Tokens go from the provider's client thread straight into the stream's queue;
     * the stored answer, the slot's lease and the catalogue go to the database executor, so a token never waits
     * behind them. The response ends after the answer is stored and the slot released, as before.
     */
    private void stream(
            Context ctx,
            UUID userId,
            String slot,
            ChatRequest request,
            ChatStore.Opened opened,
            ChatChunks chunks,
            CompletableFuture<Grounding> grounding) {
        ctx.future(() -> {
            ChatSse sse = new ChatSse(ctx, mapper);
            ScheduledFuture<?> pings = timer.scheduleAtFixedRate(
                    () -> {
                        sse.ping();
                        db.execute(() -> slots.renew(userId, slot));
                    },
                    pingMillis,
                    pingMillis,
                    TimeUnit.MILLISECONDS);
            Function<String, byte[]> contentEvent = chunks.contentEvents(mapper);
            StringBuilder text = new StringBuilder();
            TokenSink sink = new TokenSink() {
                @Override
                public void accept(String piece) {
                    boolean first;
                    synchronized (text) {
                        first = text.length() == 0;
                        text.append(piece);
                    }
                    if (first) sse.data(chunks.delta(Map.of("role", "assistant"), null, null));
                    sse.send(contentEvent.apply(piece));
                }

                @Override
                public CompletionStage<Void> room() {
                    return sse.room();
                }
            };
            return grounding
                    .thenComposeAsync(
                            g -> {
                                CompletableFuture<String> written = reply.write(request, g, sink);
                                sse.gone().thenRun(() -> written.cancel(true));
                                return written.thenApply(all -> g);
                            },
                            work)
                    .handle((g, error) -> {
                        pings.cancel(false);
                        String all;
                        synchronized (text) {
                            all = text.toString();
                        }
                        return end(ctx, userId, sse, chunks, request, opened, g, error, all);
                    })
                    .thenCompose(ended -> ended)
                    .whenCompleteAsync((ignored, error) -> slots.release(userId, slot), db);
        });
    }

    /**
     * The last chunks, and the assistant message as stored: whole, cancelled, or cut by an error. Completes when
     * the client has the last byte (or has gone) and the answer is stored.
     */
    private CompletableFuture<Void> end(
            Context ctx,
            UUID userId,
            ChatSse sse,
            ChatChunks chunks,
            ChatRequest request,
            ChatStore.Opened opened,
            Grounding g,
            Throwable error,
            String text) {
        String finish = "stop";
        CompletableFuture<Void> sent;
        if (sse.gone().isDone()) {
            finish = "cancelled";
            sent = CompletableFuture.completedFuture(null);
        } else if (error != null && !sse.started()) {
            // Nothing sent yet: the client gets an ordinary error response, and no answer is stored.
            UpstreamFailure failure = UpstreamFailure.of(error, "The answer");
            log.warn("chat answer failed before its first token: {}", failure.getMessage());
            ctx.status(502).json(ChatErrors.body(ctx, 502, "bad_gateway", failure.getMessage(), null));
            return CompletableFuture.completedFuture(null);
        } else if (error != null) {
            finish = "error";
            UpstreamFailure failure = UpstreamFailure.of(error, "The answer");
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("code", failure.code());
            detail.put("message", failure.getMessage());
            sse.data(Map.of("error", detail));
            sent = sse.done();
        } else {
            if (text.isEmpty()) sse.data(chunks.delta(Map.of("role", "assistant"), null, null));
            sse.data(chunks.delta(Map.of(), "stop", g));
            if (request.includeUsage()) sse.data(chunks.usageChunk(ChatChunks.usage(request, text)));
            sent = sse.done();
        }
        Intent intent = g == null ? Intent.GENERAL : g.intent();
        var sources = g == null ? java.util.List.<Source>of() : g.sources();
        String reason = finish;
        CompletableFuture<Void> stored = CompletableFuture.runAsync(
                () -> {
                    try {
                        store.answer(userId, opened.sessionId(), text, intent, sources, reason);
                    } catch (RuntimeException e) {
                        log.warn("chat answer of session {} not stored: {}", opened.sessionId(), e.toString());
                    }
                },
                db);
        return CompletableFuture.allOf(sent, stored);
    }
}
