package eco2.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A RabbitMQ definitions file as the broker reads it: {@code compose/rabbitmq/definitions.json} (imported by the
 * compose broker at boot) or {@code k8s/rabbitmq/definitions.json} (imported by the operator into the cluster's
 * broker). Users, their permissions in the vhost, and their topic permissions on the events exchange. Regexes are
 * matched as RabbitMQ matches them: unanchored (PCRE {@code re:run}), an empty one meaning {@code ^$}.
 */
record BrokerDefinitions(Path file, JsonNode json) {
    static final String EXCHANGE = "eco2.events";
    static final Path COMPOSE = WorkersDeployment.repoRoot().resolve("compose/rabbitmq/definitions.json");
    static final Path KUBERNETES = WorkersDeployment.repoRoot().resolve("k8s/rabbitmq/definitions.json");

    /** configure / write / read, or a topic permission's write / read. */
    record Permissions(String configure, String write, String read) {
        boolean configures(String name) {
            return matches(configure, name);
        }

        boolean writes(String name) {
            return matches(write, name);
        }

        boolean reads(String name) {
            return matches(read, name);
        }
    }

    record User(String name, String password, String tags) {}

    static BrokerDefinitions read(Path file) {
        try {
            return new BrokerDefinitions(file, new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> vhosts() {
        List<String> names = new ArrayList<>();
        json.path("vhosts").forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    /** The one vhost the file defines (the services' AMQP URLs name it). */
    String vhost() {
        if (vhosts().size() != 1) throw new AssertionError(file + " should define one vhost, has " + vhosts());
        return vhosts().get(0);
    }

    Map<String, User> users() {
        Map<String, User> users = new LinkedHashMap<>();
        json.path("users")
                .forEach(u -> users.put(
                        u.path("name").asText(),
                        new User(
                                u.path("name").asText(),
                                u.path("password").asText(null),
                                u.path("tags").asText())));
        return users;
    }

    /** The user's permissions in the file's vhost, if it has any. */
    Optional<Permissions> permissions(String user) {
        for (JsonNode p : json.path("permissions")) {
            if (p.path("user").asText().equals(user) && p.path("vhost").asText().equals(vhost()))
                return Optional.of(new Permissions(
                        p.path("configure").asText(),
                        p.path("write").asText(),
                        p.path("read").asText()));
        }
        return Optional.empty();
    }

    /** The user's topic permissions on {@link #EXCHANGE} (configure is unused: null). Without any, RabbitMQ allows all. */
    Optional<Permissions> topicPermissions(String user) {
        return topicPermissions(user, EXCHANGE);
    }

    /** The user's topic permissions on {@code exchange}, e.g. {@code eco2.queues}. */
    Optional<Permissions> topicPermissions(String user, String exchange) {
        for (JsonNode p : json.path("topic_permissions")) {
            if (p.path("user").asText().equals(user)
                    && p.path("vhost").asText().equals(vhost())
                    && p.path("exchange").asText().equals(exchange))
                return Optional.of(new Permissions(
                        null, p.path("write").asText(), p.path("read").asText()));
        }
        return Optional.empty();
    }

    /** RabbitMQ's check: {@code re:run(Name, Regex)} finds the pattern anywhere unless it is anchored. */
    static boolean matches(String regex, String name) {
        return Pattern.compile(regex.isEmpty() ? "^$" : regex).matcher(name).find();
    }
}
