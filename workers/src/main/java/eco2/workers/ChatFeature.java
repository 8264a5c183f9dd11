package eco2.workers;

import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.security.ApiTier;
import eco2.workers.character.CharacterService;
import eco2.workers.chat.ChatConfig;
import eco2.workers.chat.ChatHandler;
import eco2.workers.chat.ChatReply;
import eco2.workers.chat.ChatRetriever;
import eco2.workers.chat.ChatSessionsHandler;
import eco2.workers.chat.ChatStore;
import eco2.workers.chat.ChatUserEvents;
import eco2.workers.chat.GuideComposer;
import eco2.workers.chat.GuideReply;
import eco2.workers.chat.LlmReply;
import eco2.workers.chat.StreamSlots;
import eco2.workers.llm.LlmSettings;
import eco2.workers.llm.OpenAiStream;
import eco2.workers.upstream.InfoClient;
import eco2.workers.upstream.JsonHttp;
import eco2.workers.upstream.LocationClient;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Chat, wired by hand: its schema and user.deleted consumer, retrieval from info, location and the character
 * catalogue, the offline composer, the stream limits, and the HTTP handlers.
 */
final class ChatFeature implements AutoCloseable {
    static final String PATH = "/api/v1/chat/completions";

    private final Database db;
    private final EventConsumer userEvents;
    private final ExecutorService persist;
    private final ExecutorService retrieval;
    private final ExecutorService provider;
    private final ScheduledExecutorService timer;
    private final ChatHandler completions;
    private final ChatSessionsHandler sessions;
    private final RateLimitPolicy perMinute;

    ChatFeature(
            ChatConfig config,
            LlmSettings llm,
            Infra infra,
            AmqpConnector amqp,
            URI infoUrl,
            CharacterService characters) {
        var registry = infra.metrics().registry();
        db = Database.open(config.db(), registry, List.of());
        // Three small pools, so that a token never waits behind a database write or a retrieval: blocking work
        // (stored answers, stream leases in Redis, the character catalogue) on `persist`, leaving connections for
        // the request threads' session inserts; the sibling services' HTTP client and the composing of answers on
        // `retrieval`; the provider's HTTP client, which parses tokens and queues them for the client, on
        // `provider`. Neither of the last two ever blocks, so a core each is enough.
        persist = daemonPool("chat-db", Math.max(2, config.db().poolSize() / 2));
        retrieval = daemonPool("chat-retrieval", 2);
        provider = daemonPool("chat-llm", 2);
        timer = Executors.newSingleThreadScheduledExecutor(daemon("chat-ping"));
        Duration timeout = Duration.ofSeconds(5);
        InfoClient info =
                new InfoClient(new JsonHttp(infra.mapper(), infoUrl, "The sorting guide (info)", timeout, retrieval));
        LocationClient location = new LocationClient(
                new JsonHttp(infra.mapper(), config.locationUrl(), "Nearby search (location)", timeout, retrieval));
        ChatRetriever retriever = new ChatRetriever(info, location, characters, persist);
        StreamSlots slots = new StreamSlots(infra.redis(), infra.clock(), config.streamsPerUser());
        GuideReply offline = new GuideReply(new GuideComposer());
        ChatReply reply = llm.online()
                ? new LlmReply(new OpenAiStream(llm, infra.mapper(), provider), llm, offline, infra.mapper())
                : offline;
        completions = new ChatHandler(
                new ChatStore(db.jdbi(), infra.mapper()),
                retriever,
                reply,
                slots,
                infra.authenticator(),
                infra.mapper(),
                persist,
                retrieval,
                timer,
                config.pingInterval().toMillis(),
                infra.clock());
        sessions = new ChatSessionsHandler(db.jdbi(), infra.authenticator(), infra.mapper());
        perMinute = infra.rateLimits()
                .tune(RateLimitPolicy.open("CHAT", config.requestsPerMinute(), Duration.ofMinutes(1)));
        userEvents = new EventConsumer(
                        Subscription.of(
                                config.userEventsQueue(), List.of(ChatUserEvents.USER_DELETED), new ChatUserEvents()),
                        db.jdbi(),
                        amqp,
                        infra.mapper(),
                        registry)
                .startWhenReachable();
    }

    void routes(Javalin app) {
        app.post(PATH, completions::completions);
        app.get("/api/v1/chat/sessions", sessions::list);
        app.get("/api/v1/chat/sessions/{id}", sessions::get);
        app.delete("/api/v1/chat/sessions/{id}", sessions::delete);
    }

    /** The chat schema, for the admin stats' counts. */
    org.jdbi.v3.core.Jdbi jdbi() {
        return db.jdbi();
    }

    /** API.md: chat is key ok for pro and enterprise keys; a key's conversations belong to its family. */
    List<KeyRoute> keyRoutes() {
        return List.of(
                KeyRoute.post(PATH).from(ApiTier.PRO),
                KeyRoute.get("/api/v1/chat/sessions").from(ApiTier.PRO),
                KeyRoute.get("/api/v1/chat/sessions/{id}").from(ApiTier.PRO),
                KeyRoute.delete("/api/v1/chat/sessions/{id}").from(ApiTier.PRO));
    }

    List<RateLimitRule> rateLimits() {
        return List.of(new RateLimitRule(PATH, perMinute));
    }

    List<ReadinessCheck> readiness() {
        return List.of(db.readiness());
    }

    void quiesce(Instant deadline) {
        userEvents.drain(deadline);
    }

    @Override
    public void close() {
        userEvents.close();
        timer.shutdownNow();
        provider.shutdownNow();
        retrieval.shutdownNow();
        persist.shutdownNow();
        db.close();
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, daemon(name));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
