package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.AmqpSettings;
import eco2.common.events.QueueBinding;
import eco2.common.events.QueueDelivery;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker users of compose and Kubernetes (issue 15, item 15): every service connects as its own user, which may
 * publish on {@code eco2.events} exactly the routing keys its code writes to its outbox, bind exactly the keys its
 * queues consume, and touch no other service's queues. The expected sets come from the code ({@link
 * BrokerTopology}); {@code BrokerPermissionsIT} shows the same files on a real RabbitMQ.
 */
class BrokerDefinitionsTest {
    private static final Pattern COMPOSE_URL =
            Pattern.compile("amqp://([a-z]+):\\$\\{([A-Z][A-Z0-9_]*)(?::\\?[^}]*)?}@rabbitmq:5672/([A-Za-z0-9._~-]+)");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose", "k8s"})
    void everyServiceHasItsOwnUserAndNoneIsAnAdministrator(String where) {
        BrokerDefinitions defs = definitions(where);
        Map<String, BrokerDefinitions.User> users = defs.users();
        List<String> problems = new ArrayList<>();
        Set<String> placeholders = new HashSet<>();
        for (String service : BrokerTopology.SERVICES) {
            BrokerDefinitions.User user = users.get(service);
            if (user == null) {
                problems.add(service + ": no user");
                continue;
            }
            if (!user.tags().isEmpty()) problems.add(service + ": tags " + user.tags());
            if (!placeholder(service).equals(user.password()))
                problems.add(service + ": password " + user.password() + ", not " + placeholder(service));
            placeholders.add(user.password());
            if (defs.permissions(service).isEmpty()) problems.add(service + ": no permissions in " + defs.vhost());
        }
        Set<String> others = new TreeSet<>(users.keySet());
        BrokerTopology.SERVICES.forEach(others::remove);
        if (where.equals("compose")) {
            // The management user, from the env file: separate from every service's.
            assertThat(others).containsExactly("${RABBITMQ_DEFAULT_USER}");
            assertThat(users.get("${RABBITMQ_DEFAULT_USER}").tags()).isEqualTo("administrator");
        } else {
            assertThat(others).as("the cluster's broker has its own admin").isEmpty();
        }
        assertThat(users).doesNotContainKey("guest");
        assertThat(placeholders).hasSize(BrokerTopology.SERVICES.size());
        assertThat(problems).as("%s users", defs.file()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose", "k8s"})
    void eachServiceMayPublishExactlyTheRoutingKeysItsCodePublishes(String where) {
        BrokerDefinitions defs = definitions(where);
        Map<String, Set<String>> published = BrokerTopology.published();
        assertThat(published.get("auth"))
                .as("the outbox scan finds auth's events")
                .contains("user.registered");
        assertThat(published.get("workers")).contains("scan.requested", "scan.completed", "character.unlocked");
        // Everything bound, except the awaited keys, has a publisher: the scan missed nothing a consumer waits for.
        Set<String> unpublished = new TreeSet<>(BrokerTopology.allKeys());
        published.values().forEach(unpublished::removeAll);
        assertThat(unpublished)
                .as("routing keys bound but published by no service")
                .isEqualTo(BrokerTopology.AWAITED);
        List<String> problems = new ArrayList<>();
        Map<String, String> publisher = new HashMap<>();
        published.forEach((service, keys) -> keys.forEach(key -> {
            String other = publisher.put(key, service);
            if (other != null) problems.add(key + " is published by both " + other + " and " + service);
        }));
        for (String service : BrokerTopology.SERVICES) {
            var topic = defs.topicPermissions(service);
            if (topic.isEmpty()) {
                problems.add(service + ": no topic permissions on " + BrokerDefinitions.EXCHANGE + " (so every key)");
                continue;
            }
            Set<String> own = published.get(service);
            for (String key : probes()) {
                if (topic.get().writes(key) != own.contains(key))
                    problems.add(service + ": topic write " + topic.get().write()
                            + (own.contains(key) ? " refuses " : " allows ") + "'" + key + "'");
            }
            boolean writesExchange = defs.permissions(service)
                    .map(p -> p.writes(BrokerDefinitions.EXCHANGE))
                    .orElse(false);
            if (writesExchange == own.isEmpty())
                problems.add(service + ": write on " + BrokerDefinitions.EXCHANGE + " is " + writesExchange
                        + " but it publishes " + own);
        }
        assertThat(problems)
                .as("%s: publishing (code: %s)", defs.file(), published)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose", "k8s"})
    void eachServiceMayBindExactlyTheRoutingKeysItsQueuesConsume(String where) {
        BrokerDefinitions defs = definitions(where);
        List<String> problems = new ArrayList<>();
        for (String service : BrokerTopology.SERVICES) {
            var topic = defs.topicPermissions(service);
            if (topic.isEmpty()) continue; // reported by the publishing check
            Set<String> binds = BrokerTopology.binds(service);
            for (String key : probes()) {
                if (topic.get().reads(key) != binds.contains(key))
                    problems.add(service + ": topic read " + topic.get().read()
                            + (binds.contains(key) ? " refuses " : " allows ") + "'" + key + "'");
            }
        }
        assertThat(problems)
                .as("%s: binding (code: %s)", defs.file(), BrokerTopology.consumed())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose", "k8s"})
    void eachServiceConfiguresWritesAndReadsOnlyItsOwnQueuesAndTheExchange(String where) {
        BrokerDefinitions defs = definitions(where);
        Map<String, List<QueueBinding>> consumed = BrokerTopology.consumed();
        Map<String, String> ownerOf = new TreeMap<>();
        consumed.forEach((service, queues) -> queues.forEach(q -> {
            ownerOf.put(q.queue(), service);
            ownerOf.put(q.deadLetterQueue(), service);
        }));
        List<String> problems = new ArrayList<>();
        ownerOf.forEach((queue, service) -> {
            if (!queue.startsWith(service + "."))
                problems.add(queue + " does not start with '" + service + ".', which the permissions rely on");
        });
        for (String service : BrokerTopology.SERVICES) {
            var found = defs.permissions(service);
            if (found.isEmpty()) continue; // reported by the users check
            BrokerDefinitions.Permissions p = found.get();
            ownerOf.forEach((queue, owner) -> {
                boolean own = owner.equals(service);
                if (p.configures(queue) != own || p.writes(queue) != own || p.reads(queue) != own)
                    problems.add(service + ": configure/write/read " + p.configures(queue) + "/" + p.writes(queue) + "/"
                            + p.reads(queue) + " on " + owner + "'s queue " + queue);
            });
            String exchange = BrokerDefinitions.EXCHANGE;
            // Every channel declares the exchange (configure) and every binding reads from it.
            if (!p.configures(exchange) || !p.reads(exchange))
                problems.add(service + ": cannot declare or bind from " + exchange);
            // Parking in <queue>.dlq, counting a redelivery and an admin replay go through eco2.queues, keyed by the
            // queue's name (QueueDelivery); never through the default exchange, which RabbitMQ cannot limit per queue.
            String queues = QueueDelivery.EXCHANGE;
            boolean consumes = !consumed.get(service).isEmpty();
            if (p.writes(queues) != consumes || p.configures(queues) != consumes || p.reads(queues) != consumes)
                problems.add(service + ": configure/write/read on " + queues + " is " + p.configures(queues) + "/"
                        + p.writes(queues) + "/" + p.reads(queues) + " with queues " + consumed.get(service));
            var sends = defs.topicPermissions(service, queues);
            if (consumes && sends.isEmpty()) problems.add(service + ": no topic permissions on " + queues);
            sends.ifPresent(topic -> ownerOf.forEach((queue, owner) -> {
                boolean own = owner.equals(service);
                if (topic.writes(queue) != own || topic.reads(queue) != own)
                    problems.add(service + ": may send to or bind " + owner + "'s queue " + queue + " on " + queues
                            + ": " + topic.writes(queue) + "/" + topic.reads(queue));
            }));
            for (String name : List.of(
                    "amq.default", "amq.topic", "amq.direct", "amq.fanout", "x" + exchange, exchange + "x", "eco2")) {
                if (p.configures(name) || p.reads(name) || p.writes(name)) problems.add(service + ": may use " + name);
            }
            for (String other : BrokerTopology.SERVICES) {
                if (other.equals(service)) continue;
                for (String name : List.of(other + ".scratch", other + "x", "x" + other + ".q"))
                    if (p.configures(name) || p.writes(name) || p.reads(name))
                        problems.add(service + ": may use " + name + ", in " + other + "'s namespace");
            }
        }
        assertThat(problems).as("%s: queues and exchanges", defs.file()).isEmpty();
    }

    @Test
    void composeAndKubernetesGrantTheSame() {
        BrokerDefinitions compose = BrokerDefinitions.read(BrokerDefinitions.COMPOSE);
        BrokerDefinitions k8s = BrokerDefinitions.read(BrokerDefinitions.KUBERNETES);
        assertThat(k8s.vhost()).isEqualTo(compose.vhost());
        for (String service : BrokerTopology.SERVICES) {
            assertThat(k8s.users().get(service))
                    .as(service)
                    .isEqualTo(compose.users().get(service));
            assertThat(k8s.permissions(service)).as(service).isEqualTo(compose.permissions(service));
            assertThat(k8s.topicPermissions(service)).as(service).isEqualTo(compose.topicPermissions(service));
        }
        assertThat(k8s.json().path("topic_permissions").size())
                .isEqualTo(compose.json().path("topic_permissions").size());
    }

    @Test
    void composeConnectsEachServiceAsItsOwnUserWithAPasswordFromTheEnvFile() throws IOException {
        BrokerDefinitions defs = BrokerDefinitions.read(BrokerDefinitions.COMPOSE);
        Map<String, String> envFile = ContainerFilesTest.envExample();
        JsonNode services = ContainerFilesTest.compose().get("services");
        List<String> problems = new ArrayList<>();
        Set<String> passwords = new HashSet<>();
        for (String app : BrokerTopology.SERVICES) {
            JsonNode environment = services.get(app).get("environment");
            String url = environment.path("AMQP_URL").asText();
            Matcher m = COMPOSE_URL.matcher(url);
            if (!m.matches()) {
                problems.add(app + ": AMQP_URL " + url + " is not amqp://" + app + ":${VAR}@rabbitmq:5672/<vhost>");
                continue;
            }
            if (!m.group(1).equals(app)) problems.add(app + ": connects as " + m.group(1));
            if (!placeholder(app).equals("${" + m.group(2) + "}"))
                problems.add(app + ": takes its password from " + m.group(2) + ", its user from " + placeholder(app));
            if (!m.group(3).equals(defs.vhost())) problems.add(app + ": vhost " + m.group(3) + ", not " + defs.vhost());
            String password = envFile.get(m.group(2));
            if (password == null || !URL_SAFE.matcher(password).matches())
                problems.add(app + ": .env.example's " + m.group(2) + " is missing or not URL-safe: " + password);
            else if (!passwords.add(password)) problems.add(app + ": shares its example password with another");
            if (environment.has("AMQP_EXCHANGE"))
                problems.add(app + ": sets AMQP_EXCHANGE; the grants name eco2.events");
        }
        assertThat(problems).as("compose services' broker URLs").isEmpty();
        assertThat(envFile)
                .as("a shared AMQP_URL in the env file would be one user for all")
                .doesNotContainKeys("AMQP_URL", "AMQP_EXCHANGE");
        assertThat(BrokerTopology.SERVICES).doesNotContain(envFile.get("RABBITMQ_DEFAULT_USER"));
        assertThat(envFile.get("RABBITMQ_DEFAULT_USER")).isNotEqualTo("guest");
        assertThat(passwords).doesNotContain(envFile.get("RABBITMQ_DEFAULT_PASS"));
        assertThat(BrokerDefinitions.EXCHANGE).isEqualTo(AmqpSettings.EXCHANGE);

        // The broker renders and imports these definitions at start.
        JsonNode rabbitmq = services.get("rabbitmq");
        List<String> entrypoint = strings(rabbitmq.get("entrypoint"));
        assertThat(entrypoint)
                .containsExactly(
                        "/bin/sh",
                        "/etc/eco2/rabbitmq/render-definitions.sh",
                        "/etc/eco2/rabbitmq/definitions.json",
                        "/etc/rabbitmq/eco2-definitions.json");
        assertThat(strings(rabbitmq.get("command"))).containsExactly("docker-entrypoint.sh", "rabbitmq-server");
        assertThat(strings(rabbitmq.get("volumes")))
                .contains(
                        "./rabbitmq:/etc/eco2/rabbitmq:ro",
                        "./rabbitmq/rabbitmq.conf:/etc/rabbitmq/conf.d/30-eco2.conf:ro");
        String conf = Files.readString(ContainerFilesTest.COMPOSE_DIR.resolve("rabbitmq/rabbitmq.conf"));
        assertThat(conf).containsPattern("(?m)^load_definitions = " + Pattern.quote(entrypoint.get(3)) + "$");
        assertThat(Files.isExecutable(ContainerFilesTest.COMPOSE_DIR.resolve("rabbitmq/render-definitions.sh")))
                .isTrue();
    }

    /** Every routing key, and near misses an unanchored or unescaped regex would let through. */
    private static Set<String> probes() {
        Set<String> probes = new TreeSet<>(BrokerTopology.allKeys());
        for (String key : BrokerTopology.allKeys()) {
            probes.add("x" + key);
            probes.add(key + ".x");
            probes.add(key.replace('.', 'x'));
            probes.add(key.toUpperCase());
        }
        probes.addAll(List.of("#", "*", "user.*", "*.deleted", "x"));
        return probes;
    }

    static String placeholder(String service) {
        return "${AMQP_" + service.toUpperCase() + "_PASSWORD}";
    }

    private static BrokerDefinitions definitions(String where) {
        return BrokerDefinitions.read(
                where.equals("compose") ? BrokerDefinitions.COMPOSE : BrokerDefinitions.KUBERNETES);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
