package eco2.compose;

import eco2.common.config.Env;
import eco2.workers.WorkersConfig;
import eco2.workers.chat.ChatConfig;
import eco2.workers.llm.LlmSettings;
import eco2.workers.scan.ScanConfig;
import eco2.workers.scan.StreamTickets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the compose stack and the Kubernetes manifests must give the workers service, taken from workers' own code
 * rather than from a second list kept by hand: the secrets production refuses to start without (by running
 * {@link WorkersConfig#fromEnv} in production mode with nothing set), and every variable scan, chat and the LLM
 * client read (from the source of {@link ScanConfig}, {@link ChatConfig} and {@link LlmSettings}).
 */
final class WorkersDeployment {
    /** The in-cluster services workers calls, by the variable that holds their base URL. */
    static final Map<String, String> UPSTREAMS = Map.of("INFO_URL", "info", "LOCATION_URL", "location");

    /** Requests answered with Server-Sent Events (API.md): scan progress and streamed chat answers. */
    static final Set<String> STREAM_PATHS =
            Set.of("/api/v1/scan/0b6f2c7e-4d1a-4f0e-9a51-3c1d2e3f4a5b/events", "/api/v1/chat/completions");

    /**
     * The least a proxy must wait between two reads of a stream. A chat answer can take minutes and a scan's
     * stream ticket lives 5; the services write {@code : ping} every 15 s. Ten minutes is far above all of them.
     */
    static final Duration STREAM_READ_TIMEOUT = Duration.ofMinutes(10);

    /** POST /api/v1/scan takes a multipart image of up to 5 MiB: the proxy must let that and its framing through. */
    static final String UPLOAD_PATH = "/api/v1/scan";

    static final long UPLOAD_BYTES = 5L * 1024 * 1024;

    private static final Pattern READ =
            Pattern.compile("env\\.(?:get|optional|secret|integer|longValue|flag|list)\\(\\s*\"([A-Z][A-Z0-9_]*)\""
                    + "|ownRole\\(\\s*env\\s*,\\s*\"([A-Z][A-Z0-9_]*)\"");

    private WorkersDeployment() {}

    /**
     * The secrets workers needs in production, including LLM_API_KEY (required once LLM_BASE_URL is set): the names
     * {@link Env#requireComplete()} reports for an empty production environment.
     */
    static Set<String> productionSecrets() {
        Env env = new Env(Map.of("ECO2_ENV", "production", "LLM_BASE_URL", "https://llm.invalid/v1"));
        WorkersConfig.fromEnv(env);
        try {
            env.requireComplete();
        } catch (IllegalStateException e) {
            String names = e.getMessage().substring(e.getMessage().lastIndexOf(':') + 1);
            Set<String> secrets = new TreeSet<>();
            Arrays.stream(names.split(",")).map(String::trim).forEach(secrets::add);
            return secrets;
        }
        throw new AssertionError("workers started in production with no secret at all");
    }

    /** Every variable ScanConfig, ChatConfig and LlmSettings read, as their source names it. */
    static Set<String> featureSettings() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {ScanConfig.class, ChatConfig.class, LlmSettings.class}) {
            Path source = repoRoot()
                    .resolve("workers/src/main/java")
                    .resolve(type.getName().replace('.', '/') + ".java");
            try {
                Matcher m = READ.matcher(Files.readString(source));
                while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!names.containsAll(UPSTREAMS.keySet()) || !names.contains("LLM_BASE_URL")) {
            throw new AssertionError("the settings parser found too little in workers' config classes: " + names);
        }
        return names;
    }

    /** Null when workers would accept this SCAN_TICKET_SECRET, else why not. */
    static String ticketSecretProblem(String value) {
        try {
            new StreamTickets(value, Clock.systemUTC());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** nginx time (s, m, h; no unit = seconds) or a bare number of seconds (ingress-nginx annotations). */
    static Duration nginxTime(String value) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim());
        if (!m.matches()) throw new AssertionError("not an nginx time: " + value);
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** nginx size (k, m, g; no unit = bytes). */
    static long nginxSize(String value) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG])?").matcher(value.trim());
        if (!m.matches()) throw new AssertionError("not an nginx size: " + value);
        long n = Long.parseLong(m.group(1));
        if (m.group(2) == null) return n;
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s/overlays")) && Files.isDirectory(p.resolve("workers"))) return p;
        }
        throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
    }
}
