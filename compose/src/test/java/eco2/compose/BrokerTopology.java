package eco2.compose;

import eco2.common.config.Env;
import eco2.common.events.QueueBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which routing keys each service publishes on {@code eco2.events} and which queues it consumes, taken from the
 * services' code rather than from a list kept by hand, so that a new event type or queue fails the broker checks
 * until the definitions grant it. Consumers: each module's {@code queues(config)}, the list its {@code migrate}
 * command declares. Publishers: the event types its sources hand to {@code OutboxWriter.append}.
 */
final class BrokerTopology {
    static final List<String> SERVICES = ContainerFilesTest.APPS;

    /** Keys some service binds before any publishes them: nobody may publish them yet. */
    static final Set<String> AWAITED = Set.of("recycle.completed");

    /**
     * Queues a branch being built in parallel adds (info will purge personal rows on {@code user.deleted}, as
     * location does); granted now so that the branch needs no broker change. The code's own list wins once it
     * exists.
     */
    static final Map<String, List<QueueBinding>> PLANNED =
            Map.of("info", List.of(new QueueBinding("info.user-deleted", List.of("user.deleted"))));

    /** {@code outbox.append(transaction, TYPE, data)}: the second argument, a constant. */
    private static final Pattern APPEND = Pattern.compile("\\.append\\(\\s*\\w+\\s*,\\s*([A-Za-z_][\\w.]*)\\s*,");

    /** Read once: the services' code does not change while the tests run. */
    private static final Map<String, List<QueueBinding>> CONSUMED = readConsumed();

    private static final Map<String, Set<String>> PUBLISHED = readPublished();

    private BrokerTopology() {}

    /** Service → the queues it declares and binds (with their routing keys). */
    static Map<String, List<QueueBinding>> consumed() {
        return CONSUMED;
    }

    /** Service → the event types its code writes to its outbox (the routing keys its relay publishes). */
    static Map<String, Set<String>> published() {
        return PUBLISHED;
    }

    private static Map<String, List<QueueBinding>> readConsumed() {
        Map<String, List<QueueBinding>> all = new LinkedHashMap<>();
        for (String service : SERVICES) {
            List<QueueBinding> queues = new ArrayList<>(queuesInCode(service));
            if (queues.isEmpty()) queues.addAll(PLANNED.getOrDefault(service, List.of()));
            all.put(service, List.copyOf(queues));
        }
        return Collections.unmodifiableMap(all);
    }

    /** The routing keys {@code service}'s queues bind. */
    static Set<String> binds(String service) {
        Set<String> keys = new TreeSet<>();
        consumed().get(service).forEach(q -> keys.addAll(q.routingKeys()));
        return keys;
    }

    private static Map<String, Set<String>> readPublished() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (String service : SERVICES) all.put(service, Collections.unmodifiableSet(publishedBy(service)));
        return Collections.unmodifiableMap(all);
    }

    /** Every routing key some service publishes or binds. */
    static Set<String> allKeys() {
        Set<String> keys = new TreeSet<>(AWAITED);
        published().values().forEach(keys::addAll);
        SERVICES.forEach(s -> keys.addAll(binds(s)));
        return keys;
    }

    /** {@code eco2.<service>.<Service>Module.queues(<Service>Config.fromEnv(dev defaults))}, if the module has one. */
    private static List<QueueBinding> queuesInCode(String service) {
        String name = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        try {
            Class<?> config = Class.forName("eco2." + service + "." + name + "Config");
            Class<?> module = Class.forName("eco2." + service + "." + name + "Module");
            Method queues;
            try {
                queues = module.getMethod("queues", config);
            } catch (NoSuchMethodException e) {
                return List.of(); // consumes nothing
            }
            Object settings = config.getMethod("fromEnv", Env.class).invoke(null, new Env(Map.of()));
            List<?> list = (List<?>) queues.invoke(null, settings);
            return list.stream().map(QueueBinding.class::cast).toList();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the queues of " + service + ": " + e, e);
        }
    }

    private static Set<String> publishedBy(String service) {
        Path sources = WorkersDeployment.repoRoot().resolve(service).resolve("src/main/java");
        Set<String> types = new TreeSet<>();
        for (Path file : javaFiles(sources)) {
            String text = read(file);
            if (!text.contains("OutboxWriter")) continue;
            Matcher m = APPEND.matcher(text);
            while (m.find()) types.add(constant(sources, file, m.group(1)));
        }
        return types;
    }

    /** The string a constant reference ({@code TYPE}, {@code UserDeleted.TYPE}) names, followed across files. */
    private static String constant(Path sources, Path file, String reference) {
        int dot = reference.lastIndexOf('.');
        String field = reference.substring(dot + 1);
        Path owner = file;
        int from = 0;
        if (dot > 0) {
            String type = reference.substring(reference.lastIndexOf('.', dot - 1) + 1, dot);
            Pattern declaration = Pattern.compile("\\b(?:class|record|interface|enum)\\s+" + type + "\\b");
            owner = null;
            for (Path candidate : javaFiles(sources)) {
                Matcher d = declaration.matcher(read(candidate));
                if (d.find()) {
                    owner = candidate;
                    from = d.start();
                    break;
                }
            }
            if (owner == null) throw new AssertionError("no type " + type + " in " + sources + " for " + reference);
        }
        Matcher value = Pattern.compile("\\b" + field + "\\s*=\\s*(?:\"([^\"]+)\"|([A-Za-z_][\\w.]*))\\s*;")
                .matcher(read(owner));
        if (!value.find(from)) throw new AssertionError("no constant " + reference + " in " + owner);
        return value.group(1) != null ? value.group(1) : constant(sources, owner, value.group(2));
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
