package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import eco2.common.events.AmqpSettings;
import eco2.common.events.QueueBinding;
import eco2.common.events.QueueDelivery;
import eco2.common.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code compose/rabbitmq/definitions.json} on the machine's RabbitMQ. The file is imported with {@code rabbitmqctl}
 * into a vhost of this run's own, each service's user renamed for the run and given a random password (the admin
 * left out); then each user declares its queues as its {@code migrate} step does, publishes its own routing keys,
 * and gets ACCESS_REFUSED (403, the channel closes) for another service's keys, for bindings its queues do not have
 * and for another service's queues. Everything is deleted afterwards. Skipped, saying why, unless the test broker is
 * a RabbitMQ on this machine that {@code rabbitmqctl} (PATH, /usr/sbin or RABBITMQCTL) can administer: the embedded
 * Qpid broker has no topic permissions, and there {@code BrokerDefinitionsTest} alone speaks for the file.
 */
class BrokerPermissionsIT {
    private static final Logger log = LoggerFactory.getLogger(BrokerPermissionsIT.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = "eco2-broker-it-" + hex(4);
    private static final String EXCHANGE = AmqpSettings.EXCHANGE;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static String rabbitmqctl;
    private static URI broker;
    private static boolean imported;

    static Stream<String> services() {
        return BrokerTopology.SERVICES.stream();
    }

    @SuppressWarnings("try") // a connection that opens is the whole check
    @BeforeAll
    static void importTheDefinitionsIntoAVhostOfThisRun() throws Exception {
        broker = URI.create(TestServices.get().amqpUri());
        String product;
        try (Connection probe = TestServices.get().amqpConnection("broker-permissions-probe")) {
            product = String.valueOf(probe.getServerProperties().get("product"));
        }
        assumeTrue(product.contains("RabbitMQ"), "the test broker is " + product + ", which has no topic permissions");
        assumeTrue(
                List.of("127.0.0.1", "localhost", "[::1]").contains(broker.getHost()),
                "rabbitmqctl administers the local node, the test broker is " + broker.getHost());
        rabbitmqctl = rabbitmqctl();
        assumeTrue(rabbitmqctl != null, "no rabbitmqctl on the PATH, in /usr/sbin or in RABBITMQCTL");

        Path file = Files.createTempFile("eco2-definitions", ".json");
        try {
            Files.writeString(
                    file,
                    forThisRun(BrokerDefinitions.read(BrokerDefinitions.COMPOSE).json()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            imported = true; // from here on, clean up whatever the import created
            rabbitmqctl(rabbitmqctl, "import_definitions", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
        // The import finishes asynchronously: wait until every user can sign in.
        long deadline = System.currentTimeMillis() + 30_000;
        for (String service : BrokerTopology.SERVICES) {
            while (true) {
                try (Connection ignored = connect(service)) {
                    break;
                } catch (Exception notYet) {
                    if (System.currentTimeMillis() > deadline)
                        throw new AssertionError(service + "'s imported user cannot connect", notYet);
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Best effort: what a failed import never created cannot be deleted either. */
    @AfterAll
    static void deleteTheVhostAndUsers() {
        if (!imported) return;
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("delete_vhost", RUN));
        BrokerTopology.SERVICES.forEach(service -> commands.add(List.of("delete_user", user(service))));
        for (List<String> command : commands) {
            try {
                rabbitmqctl(rabbitmqctl, command.toArray(String[]::new));
            } catch (Exception e) {
                log.warn("cleanup: {}", e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void eachServiceDeclaresItsQueuesAsItsMigrateStepDoesAndMayParkInThem(String service) throws Exception {
        List<QueueBinding> queues = BrokerTopology.consumed().get(service);
        QueueBinding.declareAll(new AmqpSettings(url(service), EXCHANGE), service, queues);
        try (Connection c = connect(service);
                Channel ch = c.createChannel()) {
            for (QueueBinding q : queues) {
                ch.queueDeclarePassive(q.queue());
                ch.queueDeclarePassive(q.deadLetterQueue());
            }
            // A dead letter is parked through eco2.queues under the queue's name, as EventConsumer and a replay do.
            String dlq = queues.get(0).deadLetterQueue();
            ch.queuePurge(dlq);
            assertThat(publish(c, QueueDelivery.EXCHANGE, dlq, "parked"))
                    .as("parking in %s", dlq)
                    .isNull();
            GetResponse parked = ch.basicGet(dlq, true);
            assertThat(parked).isNotNull();
            assertThat(new String(parked.getBody(), StandardCharsets.UTF_8)).isEqualTo("parked");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void eachServicePublishesItsOwnRoutingKeysAndIsRefusedEveryOther(String service) throws Exception {
        Set<String> own = BrokerTopology.published().get(service);
        List<String> problems = new ArrayList<>();
        try (Connection c = connect(service)) {
            for (String key : BrokerTopology.allKeys()) {
                Integer refused = publish(c, EXCHANGE, key, "{}");
                if (own.contains(key) && refused != null) problems.add(key + ": refused with " + refused);
                if (!own.contains(key) && !Integer.valueOf(403).equals(refused))
                    problems.add(key + ": " + (refused == null ? "published" : "closed with " + refused) + ", not 403");
            }
        }
        assertThat(problems).as("%s publishing (its own: %s)", service, own).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void eachServiceBindsOnlyTheKeysItsQueuesConsume(String service) throws Exception {
        Set<String> binds = BrokerTopology.binds(service);
        List<String> problems = new ArrayList<>();
        try (Connection c = connect(service)) {
            String scratch = service + ".broker-it";
            try (Channel ch = c.createChannel()) {
                ch.exchangeDeclare(EXCHANGE, "topic", true);
                ch.queueDeclare(scratch, false, false, true, null);
            }
            for (String key : BrokerTopology.allKeys()) {
                Integer refused = attempt(c, ch -> ch.queueBind(scratch, EXCHANGE, key));
                if (binds.contains(key) && refused != null) problems.add(key + ": refused with " + refused);
                if (!binds.contains(key) && !Integer.valueOf(403).equals(refused))
                    problems.add(key + ": " + (refused == null ? "bound" : "closed with " + refused) + ", not 403");
            }
        }
        assertThat(problems).as("%s binding (its own: %s)", service, binds).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void noServiceMayDeclareReadOrBindAnotherServicesQueue(String service) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection c = connect(service)) {
            BrokerTopology.consumed().forEach((other, queues) -> {
                if (other.equals(service)) return;
                String queue = queues.get(0).queue();
                Map<String, Integer> outcomes = new LinkedHashMap<>();
                try {
                    outcomes.put("declare", attempt(c, ch -> ch.queueDeclare(queue, true, false, false, null)));
                    outcomes.put("get", attempt(c, ch -> ch.basicGet(queue, false)));
                    outcomes.put("purge", attempt(c, ch -> ch.queuePurge(queue)));
                    outcomes.put("bind", attempt(c, ch -> ch.queueBind(queue, EXCHANGE, "#")));
                    outcomes.put("send", publish(c, QueueDelivery.EXCHANGE, queue, "forged"));
                    outcomes.put(
                            "send to its dead letters", publish(c, QueueDelivery.EXCHANGE, queue + ".dlq", "forged"));
                    outcomes.put("send by the default exchange", publish(c, "", queue, "forged"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                outcomes.forEach((operation, refused) -> {
                    if (!Integer.valueOf(403).equals(refused))
                        problems.add(operation + " " + queue + ": " + refused + ", not 403");
                });
            });
        }
        assertThat(problems).as("%s on other services' queues", service).isEmpty();
    }

    @Test
    void anEventReachesTheQueueOfEveryServiceThatConsumesIt() throws Exception {
        Map<String, List<QueueBinding>> consumed = BrokerTopology.consumed();
        consumed.forEach((service, queues) ->
                QueueBinding.declareAll(new AmqpSettings(url(service), EXCHANGE), service, queues));
        String marker = RUN + "-" + System.nanoTime();
        Map<String, Set<String>> published = BrokerTopology.published();
        for (String service : BrokerTopology.SERVICES) {
            try (Connection c = connect(service)) {
                for (String key : published.get(service))
                    assertThat(publish(c, EXCHANGE, key, marker + " " + key))
                            .as("%s publishes %s", service, key)
                            .isNull();
            }
        }
        List<String> missing = new ArrayList<>();
        for (String service : BrokerTopology.SERVICES) {
            try (Connection c = connect(service);
                    Channel ch = c.createChannel()) {
                for (QueueBinding q : consumed.get(service)) {
                    Set<String> arrived = new TreeSet<>();
                    for (GetResponse m; (m = ch.basicGet(q.queue(), true)) != null; ) {
                        String body = new String(m.getBody(), StandardCharsets.UTF_8);
                        if (body.startsWith(marker + " ")) arrived.add(body.substring(marker.length() + 1));
                    }
                    for (String key : q.routingKeys()) {
                        if (!BrokerTopology.AWAITED.contains(key) && !arrived.contains(key))
                            missing.add(q.queue() + " (" + service + ") did not get " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    // ---- the broker ------------------------------------------------------------------------------------------------

    private interface ChannelAction {
        void apply(Channel channel) throws Exception;
    }

    /** Null when the broker let the operation through, else the reply code it closed the channel with. */
    private static Integer attempt(Connection c, ChannelAction action) throws Exception {
        Channel ch = c.createChannel();
        try {
            action.apply(ch);
            return null;
        } catch (IOException | ShutdownSignalException e) {
            return replyCode(e);
        } finally {
            if (ch.isOpen()) ch.close();
        }
    }

    /** Publishes with a confirm, as the relay does: null when confirmed, else the channel's close code. */
    private static Integer publish(Connection c, String exchange, String key, String body) throws Exception {
        return attempt(c, ch -> {
            if (!exchange.isEmpty()) ch.exchangeDeclare(exchange, "topic", true);
            ch.confirmSelect();
            ch.basicPublish(
                    exchange,
                    key,
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(5000);
        });
    }

    private static Integer replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close)
                return close.getReplyCode();
        }
        throw new AssertionError("the broker did not close the channel: " + e, e);
    }

    private static Connection connect(String service) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url(service));
        return factory.newConnection("broker-permissions-" + service);
    }

    private static String url(String service) {
        return "amqp://" + user(service) + ":" + PASSWORDS.get(service) + "@" + broker.getHost() + ":"
                + (broker.getPort() == -1 ? 5672 : broker.getPort()) + "/" + RUN;
    }

    private static String user(String service) {
        return RUN + "-" + service;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The compose definitions with this run's vhost, users and passwords, and without the admin. */
    private static String forThisRun(JsonNode definitions) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode run = mapper.createObjectNode();
        run.putArray("vhosts").addObject().put("name", RUN);
        ArrayNode users = run.putArray("users");
        for (JsonNode u : definitions.path("users")) {
            String service = u.path("name").asText();
            if (!BrokerTopology.SERVICES.contains(service)) continue;
            PASSWORDS.put(service, hex(12));
            users.add(((ObjectNode) u.deepCopy()).put("name", user(service)).put("password", PASSWORDS.get(service)));
        }
        for (String section : List.of("permissions", "topic_permissions")) {
            ArrayNode grants = run.putArray(section);
            for (JsonNode p : definitions.path(section)) {
                String service = p.path("user").asText();
                if (BrokerTopology.SERVICES.contains(service))
                    grants.add(((ObjectNode) p.deepCopy())
                            .put("user", user(service))
                            .put("vhost", RUN));
            }
        }
        assertThat(PASSWORDS.keySet()).containsExactlyInAnyOrderElementsOf(BrokerTopology.SERVICES);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(run);
    }

    /** A rabbitmqctl that can administer the local node (it needs the node's Erlang cookie: root or rabbitmq). */
    private static String rabbitmqctl() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("RABBITMQCTL");
        if (configured != null && !configured.isBlank()) candidates.add(configured);
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        dirs.forEach(dir ->
                candidates.add(Path.of(dir.isEmpty() ? "." : dir, "rabbitmqctl").toString()));
        for (String candidate : candidates) {
            if (!Files.isExecutable(Path.of(candidate))) continue;
            try {
                rabbitmqctl(candidate, "list_vhosts");
                return candidate;
            } catch (Exception cannotAdminister) {
                log.info("{} cannot administer the node: {}", candidate, cannotAdminister.getMessage());
            }
        }
        return null;
    }

    private static String rabbitmqctl(String ctl, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ctl, "-q"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        return output;
    }
}
