package eco2.common.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import eco2.common.db.Database;
import eco2.common.events.AmqpConnector;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventConsumer;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.common.events.Subscription;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.http.ServiceModule;
import eco2.common.http.TestTokens;
import eco2.common.json.Json;
import eco2.common.ops.ApiDocs;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.Await;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared admin endpoints, mounted by a test module with one real consumer: a poison event is parked, listed,
 * replayed once its handler is fixed, and discarded; browsing leaves the queue as it was; only admins get in.
 */
class AdminRoutesIT {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final String PREFIX = "/api/v1/test";
    static final List<Duration> FAST = List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));

    static final TestTokens tokens = new TestTokens();
    static final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();
    static String tag;
    static String exchange;
    static String queue;
    static String routingKey;
    static Database database;
    static Jdbi jdbi;
    static AmqpConnector amqp;
    static EventConsumer consumer;
    static Infra infra;
    static Javalin app;
    static TestHttp http;
    static Connection connection;
    static Channel publisher;

    /** A service with one consumer and the admin routes, as each real module mounts them. */
    static final class AdminTestModule implements ServiceModule {
        final AdminRoutes admin;

        AdminTestModule(AdminRoutes admin) {
            this.admin = admin;
        }

        @Override
        public String name() {
            return "admintest";
        }

        @Override
        public void routes(Javalin javalin) {
            admin.routes(javalin);
        }

        @Override
        public List<ApiDocs.Mount> docMounts() {
            return List.of(admin.docs());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        TestServices services = TestServices.get();
        tag = UUID.randomUUID().toString().substring(0, 8);
        exchange = "eco2.events.test." + tag;
        queue = "test.admin." + tag;
        routingKey = "test.admin.happened";
        database = Database.open(
                services.dbSettings(services.freshDatabase(), "evtest"), new SimpleMeterRegistry(), List.of());
        jdbi = database.jdbi();
        amqp = new AmqpConnector(new AmqpSettings(services.amqpUri(), exchange), "admin-test");
        EventHandler handler = (handle, event) -> {
            if (poisoned.contains(event.id())) throw new IllegalStateException("cannot handle " + event.id());
            handle.execute("INSERT INTO effects (event_id) VALUES (?)", event.id());
        };
        consumer = new EventConsumer(
                        new Subscription(queue, List.of(routingKey), handler, FAST, 8),
                        jdbi,
                        amqp,
                        MAPPER,
                        new SimpleMeterRegistry())
                .start();
        infra = Infra.create(
                services.redisUri(),
                tokens.keySource(),
                TestTokens.ISSUER,
                new RateLimitSettings(false, RateLimitSettings.DEFAULT, name -> null),
                Clock.systemUTC());
        AdminCounts counts = () -> Map.of(
                "effects_total",
                jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM effects")
                        .mapTo(Long.class)
                        .one()));
        AdminService service = new AdminService(
                "admintest", new DeadLetters(amqp, List.of(queue), infra.mapper()), List.of(jdbi), counts);
        AdminTestModule module = new AdminTestModule(new AdminRoutes(PREFIX, infra.authenticator(), service));
        app = HttpApp.create("test", HttpSettings.forTests(), infra, List.of(module))
                .start(0);
        http = new TestHttp(app.port());
        connection = services.amqpConnection("admin-test-publisher");
        publisher = connection.createChannel();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        consumer.close();
        amqp.close();
        infra.close();
        database.close();
        connection.close();
        TestBroker.deleteQueuesAndExchange(exchange, queue);
    }

    @BeforeEach
    void emptyTheDeadLetters() throws Exception {
        publisher.queuePurge(queue + ".dlq");
        poisoned.clear();
    }

    @Test
    void aPoisonEventIsListedThenReplayedOnceItsHandlerIsFixed() throws Exception {
        UUID poison = UUID.randomUUID();
        poisoned.add(poison);
        publish(poison);
        Await.until(() -> dlqDepth() == 1);

        TestHttp.Response listed = http.get(PREFIX + "/admin/dead-letters/" + queue, admin());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode page = listed.json();
        assertThat(page.get("queue").asText()).isEqualTo(queue);
        assertThat(page.get("depth").asLong()).isEqualTo(1);
        JsonNode message = page.get("messages").get(0);
        assertThat(message.get("id").asText()).isEqualTo(poison.toString());
        assertThat(message.get("type").asText()).isEqualTo(routingKey);
        assertThat(message.get("routing_key").asText()).isEqualTo(routingKey);
        assertThat(message.get("error").asText()).contains("cannot handle " + poison);
        assertThat(message.get("attempts").asInt()).isEqualTo(FAST.size() + 1);
        assertThat(message.get("body").get("data").get("n").asInt()).isEqualTo(7);
        assertThat(dlqDepth()).as("listing leaves the message parked").isEqualTo(1);

        poisoned.remove(poison); // the fix is deployed
        TestHttp.Response replayed =
                http.method("POST", PREFIX + "/admin/dead-letters/" + queue + "/" + poison + "/replay", admin());
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(204);

        Await.until(() -> effects(poison) == 1);
        Await.until(() -> depth(queue) == 0);
        assertThat(dlqDepth()).isZero();
        assertThat(http.get(PREFIX + "/admin/dead-letters/" + queue, admin())
                        .json()
                        .get("messages"))
                .isEmpty();
        Thread.sleep(200);
        assertThat(effects(poison)).as("applied exactly once").isEqualTo(1);
    }

    @Test
    void browsingKeepsEveryMessageInItsPlaceAndDiscardRemovesOnlyTheOneNamed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            park(envelope(id), Map.of("x-eco2-error", "boom " + i, "x-eco2-attempts", 4));
        }

        JsonNode firstTwo = http.get(PREFIX + "/admin/dead-letters/" + queue + "?limit=2", admin())
                .json();
        assertThat(firstTwo.get("depth").asLong()).isEqualTo(4);
        assertThat(idsOf(firstTwo)).containsExactly(ids.get(0), ids.get(1));
        assertThat(firstTwo.get("messages").get(1).get("error").asText()).isEqualTo("boom 1");
        assertThat(idsOf(http.get(PREFIX + "/admin/dead-letters/" + queue + ".dlq", admin())
                        .json()))
                .as("the .dlq name works too, and the order survived the first look")
                .containsExactlyElementsOf(ids);

        TestHttp.Response discarded =
                http.method("DELETE", PREFIX + "/admin/dead-letters/" + queue + "/" + ids.get(2), admin());
        assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
        assertThat(idsOf(http.get(PREFIX + "/admin/dead-letters/" + queue, admin())
                        .json()))
                .containsExactly(ids.get(0), ids.get(1), ids.get(3));
        assertThat(effects(UUID.fromString(ids.get(2))))
                .as("discarded, not replayed")
                .isZero();
    }

    @Test
    void anUnreadableMessageIsNamedByItsMessageIdOrAHashOfItsBody() throws Exception {
        park("{not json".getBytes(StandardCharsets.UTF_8), Map.of("x-eco2-error", "unreadable event"));
        publisher.basicPublish(
                "",
                queue + ".dlq",
                new AMQP.BasicProperties.Builder().messageId("m-123").build(),
                "plain text".getBytes(StandardCharsets.UTF_8));

        JsonNode messages = http.get(PREFIX + "/admin/dead-letters/" + queue, admin())
                .json()
                .get("messages");
        assertThat(messages).hasSize(2);
        // Found by body, not position: the embedded broker may list the two in either order.
        JsonNode unreadable = byBody(messages, "{not json");
        JsonNode plain = byBody(messages, "plain text");
        String hash = unreadable.get("id").asText();
        assertThat(hash).matches("[0-9a-f]{32}");
        assertThat(unreadable.get("attempts").isNull()).isTrue();
        assertThat(plain.get("id").asText()).isEqualTo("m-123");

        assertThat(http.method("DELETE", PREFIX + "/admin/dead-letters/" + queue + "/" + hash, admin())
                        .status())
                .isEqualTo(204);
        assertThat(http.method("DELETE", PREFIX + "/admin/dead-letters/" + queue + "/m-123", admin())
                        .status())
                .isEqualTo(204);
        assertThat(dlqDepth()).isZero();
    }

    private static JsonNode byBody(JsonNode messages, String body) {
        for (JsonNode message : messages) if (message.get("body").asText().equals(body)) return message;
        throw new AssertionError("no dead letter with body " + body + " in " + messages);
    }

    @Test
    void anUnknownIdIsNotFoundAndTouchesNothing() throws Exception {
        UUID parked = UUID.randomUUID();
        park(envelope(parked), Map.of());
        String unknown = UUID.randomUUID().toString();

        for (TestHttp.Response r : List.of(
                http.method("POST", PREFIX + "/admin/dead-letters/" + queue + "/" + unknown + "/replay", admin()),
                http.method("DELETE", PREFIX + "/admin/dead-letters/" + queue + "/" + unknown, admin()))) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.json().get("code").asText()).isEqualTo("not_found");
        }
        assertThat(idsOf(http.get(PREFIX + "/admin/dead-letters/" + queue, admin())
                        .json()))
                .containsExactly(parked.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /admin/dead-letters/auth.user-deleted",
        "GET, /admin/dead-letters/auth.user-deleted.dlq",
        "POST, /admin/dead-letters/auth.user-deleted/x/replay",
        "DELETE, /admin/dead-letters/auth.user-deleted/x"
    })
    void aQueueOfAnotherServiceIsNotFound(String method, String path) {
        TestHttp.Response r = http.method(method, PREFIX + path, admin());
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /admin/stats",
        "GET, /admin/dead-letters/QUEUE",
        "POST, /admin/dead-letters/QUEUE/x/replay",
        "DELETE, /admin/dead-letters/QUEUE/x"
    })
    void onlyAdminsGetIn(String method, String path) {
        String url = PREFIX + path.replace("QUEUE", queue);
        TestHttp.Response anonymous = http.method(method, url);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("unauthorized");
        TestHttp.Response user = http.method(method, url, "Authorization", token(List.of("user")));
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("code").asText()).isEqualTo("forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten"})
    void aLimitOutsideOneToTwoHundredIsRejected(String limit) {
        TestHttp.Response r = http.get(PREFIX + "/admin/dead-letters/" + queue + "?limit=" + limit, admin());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void statsCountTheOutboxBacklogTheDeadLettersAndTheServicesOwnRows() throws Exception {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM outbox");
            for (int i = 0; i < 3; i++)
                h.execute(
                        "INSERT INTO outbox (id, type, payload) VALUES (?, 't', CAST('{}' AS jsonb))",
                        UUID.randomUUID());
            h.execute(
                    "INSERT INTO outbox (id, type, payload, published_at) VALUES (?, 't', CAST('{}' AS jsonb), now())",
                    UUID.randomUUID());
            h.execute("INSERT INTO effects (event_id) VALUES (?)", UUID.randomUUID());
        });
        park(envelope(UUID.randomUUID()), Map.of());
        park(envelope(UUID.randomUUID()), Map.of());
        long effects = jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM effects").mapTo(Long.class).one());

        TestHttp.Response r = http.get(PREFIX + "/admin/stats", admin());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("admintest");
        assertThat(stats.get("outbox_backlog").asLong()).isEqualTo(3);
        assertThat(stats.get("dead_letters")).hasSize(1);
        assertThat(stats.get("dead_letters").get(0).get("queue").asText()).isEqualTo(queue);
        assertThat(stats.get("dead_letters").get(0).get("depth").asLong()).isEqualTo(2);
        assertThat(stats.get("counts").get("effects_total").asLong()).isEqualTo(effects);
    }

    @Test
    void theServicesSpecDocumentsTheEndpointsUnderItsOwnPrefix() {
        JsonNode spec = http.get("/openapi.json").json();
        JsonNode paths = spec.get("paths");
        assertThat(paths.path(PREFIX + "/admin/stats").has("get")).isTrue();
        assertThat(paths.path(PREFIX + "/admin/dead-letters/{queue}").has("get"))
                .isTrue();
        assertThat(paths.path(PREFIX + "/admin/dead-letters/{queue}/{id}/replay")
                        .has("post"))
                .isTrue();
        assertThat(paths.path(PREFIX + "/admin/dead-letters/{queue}/{id}").has("delete"))
                .isTrue();
        assertThat(paths.fieldNames()).toIterable().noneMatch(p -> p.contains(ApiDocs.MOUNT_POINT));
        JsonNode schemas = spec.get("components").get("schemas");
        assertThat(schemas.path("AdminStats").path("properties").has("outbox_backlog"))
                .isTrue();
        assertThat(schemas.path("DeadLetter").path("properties").has("routing_key"))
                .isTrue();
    }

    @Test
    void todayStartsAtMidnightInSeoul() {
        // 2024-05-01T16:30Z is 01:30 on 2 May in Seoul.
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T16:30:00Z"), java.time.ZoneOffset.UTC);
        assertThat(AdminCounts.startOfToday(clock)).isEqualTo(Instant.parse("2024-05-01T15:00:00Z"));
    }

    private static String[] admin() {
        return new String[] {"Authorization", token(List.of("user", "admin"))};
    }

    private static String token(List<String> roles) {
        Map<String, Object> claims = tokens.claims(UUID.randomUUID());
        claims.put("roles", roles);
        return "Bearer " + tokens.sign(claims);
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("messages").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private static byte[] envelope(UUID id) throws Exception {
        return MAPPER.writeValueAsBytes(
                new EventEnvelope(id, routingKey, Instant.now(), "test", MAPPER.valueToTree(Map.of("n", 7))));
    }

    private static void publish(UUID id) throws Exception {
        publisher.basicPublish(
                exchange,
                routingKey,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .messageId(id.toString())
                        .type(routingKey)
                        .build(),
                envelope(id));
    }

    /** Straight into the dead-letter queue, as the consumer would have parked it. */
    private static void park(byte[] body, Map<String, Object> headers) throws Exception {
        publisher.basicPublish(
                "",
                queue + ".dlq",
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .headers(headers)
                        .build(),
                body);
    }

    private static long dlqDepth() {
        return depth(queue + ".dlq");
    }

    private static long depth(String name) {
        try {
            return publisher.messageCount(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long effects(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM effects WHERE event_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
    }
}
