package eco2.workers;

import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.OutboxRelay;
import eco2.common.events.OutboxWriter;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.ops.ReadinessCheck;
import eco2.workers.character.CharacterEvents;
import eco2.workers.character.CharacterHandler;
import eco2.workers.character.CharacterService;
import eco2.workers.llm.OpenAiClient;
import eco2.workers.scan.AnswerWriter;
import eco2.workers.scan.Classifier;
import eco2.workers.scan.GuideAnswer;
import eco2.workers.scan.GuideMatch;
import eco2.workers.scan.LlmAnswer;
import eco2.workers.scan.LlmClassifier;
import eco2.workers.scan.OfflineClassifier;
import eco2.workers.scan.RuleLookup;
import eco2.workers.scan.ScanConfig;
import eco2.workers.scan.ScanConsumer;
import eco2.workers.scan.ScanEventBus;
import eco2.workers.scan.ScanEventIds;
import eco2.workers.scan.ScanHandler;
import eco2.workers.scan.ScanMetrics;
import eco2.workers.scan.ScanPipeline;
import eco2.workers.scan.ScanProgress;
import eco2.workers.scan.ScanRewards;
import eco2.workers.scan.ScanService;
import eco2.workers.scan.ScanStreamHandler;
import eco2.workers.scan.ScanStreams;
import eco2.workers.scan.ScanUserEvents;
import eco2.workers.scan.ScanView;
import eco2.workers.scan.StreamTickets;
import eco2.workers.upstream.AsyncLimiter;
import eco2.workers.upstream.InfoClient;
import eco2.workers.upstream.JsonHttp;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scan and characters, wired by hand: their two schemas, outbox relays and consumers, the provider (or the
 * offline guide), the pipeline, and the HTTP handlers. {@link WorkersModule} mounts it next to the mail worker.
 */
final class ScanFeature implements AutoCloseable {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<EventConsumer> consumers = new ArrayList<>();
    private final Database scanDb;
    private final Database characterDb;
    private final ScanConsumer scanConsumer;
    private final ScanHandler scans;
    private final ScanStreamHandler streams;
    private final CharacterHandler characters;
    private final String llmMode;
    private final InfoClient info;
    private final CharacterService characterService;

    ScanFeature(ScanConfig config, Infra infra, AmqpConnector amqp) {
        var registry = infra.metrics().registry();
        scanDb = Database.open(config.scanDb(), registry, List.of());
        characterDb = Database.open(config.characterDb(), registry, List.of());
        closeables.add(new OutboxRelay(scanDb.jdbi(), amqp, registry, "workers-scan").start());
        closeables.add(new OutboxRelay(characterDb.jdbi(), amqp, registry, "workers-character").start());

        ExecutorService io = daemonPool("scan-io", 2);
        ExecutorService db = daemonPool("scan-db", config.scanDb().poolSize());
        closeables.add(io::shutdownNow);
        closeables.add(db::shutdownNow);
        info = new InfoClient(
                new JsonHttp(infra.mapper(), config.infoUrl(), "The sorting guide (info)", Duration.ofSeconds(5), io));
        GuideMatch guide = new GuideMatch(info);
        GuideAnswer guideAnswer = new GuideAnswer(info);
        AsyncLimiter providerCalls = new AsyncLimiter(config.providerCalls());
        Classifier classifier;
        AnswerWriter answers;
        if (config.llm().online()) {
            OpenAiClient client = new OpenAiClient(config.llm(), infra.mapper(), io);
            classifier = new LlmClassifier(client, config.llm(), providerCalls, info, guide, infra.mapper());
            answers = new LlmAnswer(client, config.llm(), providerCalls, guideAnswer, infra.mapper());
        } else {
            classifier = new OfflineClassifier(guide);
            answers = guideAnswer;
        }
        llmMode = config.llm().mode();

        characterService =
                new CharacterService(characterDb.jdbi(), new OutboxWriter(infra.mapper(), "workers", infra.clock()));
        OutboxWriter scanOutbox = new OutboxWriter(infra.mapper(), "workers", infra.clock());
        ScanRewards rewards =
                new ScanRewards(scanDb.jdbi(), scanOutbox, characterService, config.dailyCap(), infra.clock());
        ScanView view = new ScanView(infra.mapper());
        ScanEventIds ids = new ScanEventIds(view, infra.mapper());
        ScanStreams open = new ScanStreams(config.pingInterval());
        ScanEventBus bus = new ScanEventBus(infra.redis(), config.redisUrl(), open, infra.mapper()).start();
        closeables.add(bus);
        closeables.add(open);
        ScanProgress progress = new ScanProgress(scanDb.jdbi(), ids, bus);

        ScanConsumer[] consumerRef = new ScanConsumer[1];
        ScanMetrics metrics = new ScanMetrics(
                registry, infra.clock(), () -> consumerRef[0] == null ? 0 : consumerRef[0].inFlight(), open::open);
        ScanPipeline pipeline = new ScanPipeline(
                scanDb.jdbi(),
                db,
                classifier,
                new RuleLookup(info),
                answers,
                rewards,
                progress,
                infra.mapper(),
                config.stageTimeout(),
                metrics);
        scanConsumer = config.consume()
                ? new ScanConsumer(config.requestedQueue(), config.prefetch(), amqp, pipeline, infra.mapper())
                        .startWhenReachable()
                : null;
        consumerRef[0] = scanConsumer;

        consumers.add(new EventConsumer(
                        Subscription.of(
                                config.scanEventsQueue(), List.of(ScanUserEvents.USER_DELETED), new ScanUserEvents()),
                        scanDb.jdbi(),
                        amqp,
                        infra.mapper(),
                        registry)
                .startWhenReachable());
        consumers.add(new EventConsumer(
                        Subscription.of(
                                config.characterEventsQueue(),
                                List.of(CharacterEvents.USER_REGISTERED, CharacterEvents.USER_DELETED),
                                new CharacterEvents(characterService)),
                        characterDb.jdbi(),
                        amqp,
                        infra.mapper(),
                        registry)
                .startWhenReachable());

        StreamTickets tickets = new StreamTickets(config.ticketSecret(), infra.clock());
        ScanService service = new ScanService(scanDb.jdbi(), scanOutbox);
        scans = new ScanHandler(
                service,
                view,
                tickets,
                infra.authenticator(),
                infra.jsonBody(),
                config.llm().visionAvailable());
        streams = new ScanStreamHandler(service, ids, open, tickets, infra.authenticator());
        characters = new CharacterHandler(characterService, infra.authenticator());
    }

    /** API.md: scans are key ok (photos need pro, checked by the handler), and so is the characters catalogue. */
    List<KeyRoute> keyRoutes() {
        return List.of(
                KeyRoute.post("/api/v1/scan"),
                KeyRoute.get("/api/v1/scan/{task_id}"),
                KeyRoute.get("/api/v1/scan/{task_id}/events"),
                KeyRoute.get("/api/v1/characters"));
    }

    void routes(Javalin app) {
        app.post("/api/v1/scan", scans::submit);
        app.get("/api/v1/scan/{task_id}", scans::get);
        app.get("/api/v1/scan/{task_id}/events", streams::stream);
        app.get("/api/v1/characters", characters::catalogue);
        app.get("/api/v1/characters/me", characters::mine);
    }

    List<ReadinessCheck> readiness() {
        return List.of(scanDb.readiness(), characterDb.readiness(), ReadinessCheck.fact("llm", llmMode));
    }

    /** The schemas with an outbox (scan, character), for the admin stats' backlog. */
    List<org.jdbi.v3.core.Jdbi> outboxes() {
        return List.of(scanDb.jdbi(), characterDb.jdbi());
    }

    org.jdbi.v3.core.Jdbi scanJdbi() {
        return scanDb.jdbi();
    }

    /** The sorting guide's client, shared with chat. */
    InfoClient info() {
        return info;
    }

    CharacterService characters() {
        return characterService;
    }

    /** For /ready and the launcher's banner: "offline" or the provider's host. */
    String llmMode() {
        return llmMode;
    }

    void quiesce(Instant deadline) {
        if (scanConsumer != null) scanConsumer.drain(deadline);
        consumers.forEach(consumer -> consumer.drain(deadline));
    }

    @Override
    public void close() {
        if (scanConsumer != null) scanConsumer.close();
        consumers.forEach(EventConsumer::close);
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        scanDb.close();
        characterDb.close();
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
