package eco2.workers;

import eco2.common.admin.AdminCounts;
import eco2.common.admin.AdminRoutes;
import eco2.common.admin.AdminService;
import eco2.common.admin.DeadLetters;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.QueueBinding;
import eco2.common.events.Subscription;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.http.ServiceModule;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.security.TokenSeal;
import eco2.workers.character.CharacterEvents;
import eco2.workers.chat.ChatRepository;
import eco2.workers.chat.ChatUserEvents;
import eco2.workers.notification.EmailHandler;
import eco2.workers.notification.MailTemplates;
import eco2.workers.notification.MailTransport;
import eco2.workers.notification.MailboxDirectory;
import eco2.workers.notification.MessageComposer;
import eco2.workers.notification.NotificationConfig;
import eco2.workers.notification.SentMailRepository;
import eco2.workers.notification.SmtpTransport;
import eco2.workers.scan.ScanConsumer;
import eco2.workers.scan.ScanRepository;
import eco2.workers.scan.ScanUserEvents;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers service's composition root: the notification worker (notification.email → mail), scan with
 * characters ({@link ScanFeature}) and chat ({@link ChatFeature}), whose HTTP APIs it mounts.
 */
public final class WorkersModule implements ServiceModule {
    private static final Logger log = LoggerFactory.getLogger(WorkersModule.class);
    /** Mail is sent one at a time anyway; a small prefetch keeps unsent mail visible in the queue, not in memory. */
    static final int MAIL_PREFETCH = 4;

    private final Database database;
    private final AmqpConnector amqp;
    private final List<EventConsumer> consumers;
    private final MailTransport mail;
    private final ScanFeature scan;
    private final ChatFeature chat;
    private final AdminRoutes admin;

    private WorkersModule(
            Database database,
            AmqpConnector amqp,
            List<EventConsumer> consumers,
            MailTransport mail,
            ScanFeature scan,
            ChatFeature chat,
            AdminRoutes admin) {
        this.admin = admin;
        this.database = database;
        this.amqp = amqp;
        this.consumers = consumers;
        this.mail = mail;
        this.scan = scan;
        this.chat = chat;
    }

    /**
     * The queues workers consumes; {@code workers.jar migrate} declares them before producers start. The scan and
     * chat features bind the same keys when they start.
     */
    public static List<QueueBinding> queues(WorkersConfig config) {
        return List.of(
                new QueueBinding(config.notification().queue(), List.of(EmailHandler.TYPE)),
                ScanConsumer.binding(config.scan().requestedQueue()),
                new QueueBinding(config.scan().scanEventsQueue(), List.of(ScanUserEvents.USER_DELETED)),
                new QueueBinding(
                        config.scan().characterEventsQueue(),
                        List.of(CharacterEvents.USER_REGISTERED, CharacterEvents.USER_DELETED)),
                new QueueBinding(config.chat().userEventsQueue(), List.of(ChatUserEvents.USER_DELETED)));
    }

    public static WorkersModule create(WorkersConfig config, Infra infra) {
        NotificationConfig notification = config.notification();
        // Templates first: a missing resource then stops start-up before any pool or connection is open.
        MailTemplates templates = new MailTemplates(notification.publicBaseUrl());
        MailTransport mail = notification.mail().smtpEnabled()
                ? new SmtpTransport(notification.mail())
                : new MailboxDirectory(notification.mailboxDir(), infra.clock());
        log.info("notification mail goes to {}", mail.describe());
        EmailHandler emails = new EmailHandler(
                templates,
                new MessageComposer(notification.mail().from(), infra.clock()),
                mail,
                TokenSeal.fromBase64("MAIL_TOKEN_KEY", notification.tokenKey()));
        Database database = Database.open(config.db(), infra.metrics().registry(), List.of());
        AmqpConnector amqp = new AmqpConnector(config.amqp(), "workers");
        EventConsumer emailConsumer = new EventConsumer(
                        new Subscription(
                                queues(config).get(0).queue(),
                                queues(config).get(0).routingKeys(),
                                emails,
                                notification.retryDelays(),
                                MAIL_PREFETCH),
                        database.jdbi(),
                        amqp,
                        infra.mapper(),
                        infra.metrics().registry())
                .startWhenReachable();
        ScanFeature scan = new ScanFeature(config.scan(), infra, amqp);
        ChatFeature chat = new ChatFeature(
                config.chat(), config.scan().llm(), infra, amqp, config.scan().infoUrl(), scan.characters());
        AdminCounts counts = () -> {
            Instant today = AdminCounts.startOfToday(infra.clock());
            return Map.of(
                    "scans_today",
                    scan.scanJdbi().withExtension(ScanRepository.class, r -> r.countCreatedSince(today)),
                    "chat_messages_today",
                    chat.jdbi().withExtension(ChatRepository.class, r -> r.countMessagesSince(today)),
                    "notifications_sent_today",
                    database.jdbi()
                            .withExtension(SentMailRepository.class, r -> r.countSince(EmailHandler.TYPE, today)));
        };
        List<String> queues = List.of(
                notification.queue(),
                config.scan().requestedQueue(),
                config.scan().scanEventsQueue(),
                config.scan().characterEventsQueue(),
                config.chat().userEventsQueue());
        AdminRoutes admin = new AdminRoutes(
                "/api/v1/scan",
                infra.authenticator(),
                new AdminService("workers", new DeadLetters(amqp, queues, infra.mapper()), scan.outboxes(), counts));
        return new WorkersModule(database, amqp, List.of(emailConsumer), mail, scan, chat, admin);
    }

    /** Where mail goes, as a line for the dev launcher's banner: the mailbox folder, or the SMTP server. */
    public String mailReport() {
        return "Mail        " + mail.describe();
    }

    /** Where scan and chat get their answers, as a line for the dev launcher's banner. */
    public String llmReport() {
        return "LLM         " + scan.llmMode();
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public Map<String, String> docTags() {
        return Map.of(
                "scan",
                "Photograph or describe a piece of waste and get its sorting rule, points and characters; "
                        + "progress over server-sent events (/api/v1/scan)",
                "chat",
                "The OpenAI-compatible chatbot about sorting waste, streamed or not, and its sessions "
                        + "(/api/v1/chat)",
                "characters",
                "Eco²'s collectible characters and the ones the caller has unlocked (/api/v1/characters)");
    }

    @Override
    public void routes(Javalin app) {
        scan.routes(app);
        chat.routes(app);
        admin.routes(app);
    }

    @Override
    public List<ApiDocs.Mount> docMounts() {
        return List.of(admin.docs());
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return chat.rateLimits();
    }

    @Override
    public List<KeyRoute> keyRoutes() {
        List<KeyRoute> routes = new java.util.ArrayList<>(scan.keyRoutes());
        routes.addAll(chat.keyRoutes());
        return routes;
    }

    @Override
    public List<ReadinessCheck> readiness() {
        List<ReadinessCheck> checks = new java.util.ArrayList<>(List.of(database.readiness(), amqp.readiness()));
        checks.addAll(scan.readiness());
        checks.addAll(chat.readiness());
        return checks;
    }

    @Override
    public void quiesce(Instant deadline) {
        scan.quiesce(deadline);
        chat.quiesce(deadline);
        consumers.forEach(consumer -> consumer.drain(deadline));
    }

    @Override
    public void close() {
        consumers.forEach(EventConsumer::close);
        scan.close();
        chat.close();
        amqp.close();
        database.close();
    }
}
