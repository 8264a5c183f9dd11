package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container recipe and the compose stack, read as files (no Docker engine runs here; .ci/static-checks also
 * has docker-compose resolve the file and nginx test the gateway config).
 */
class ContainerFilesTest {
    static final Path COMPOSE_DIR = Path.of(System.getProperty("user.dir")); // the compose module
    static final List<String> APPS = List.of("auth", "my", "location", "info", "workers");

    @Test
    void theImageRunsAsANonRootUserWithAHealthCheckAndAGracefulStop() throws IOException {
        String dockerfile = Files.readString(COMPOSE_DIR.resolve("Dockerfile"));
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM maven:\\S+ AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre AS runtime$")
                .containsPattern("(?m)^USER 10001:10001$")
                .containsPattern("(?s)\nHEALTHCHECK [^\n]*\\\n\\s+CMD [^\n]*/health")
                .containsPattern("(?m)^STOPSIGNAL SIGTERM$")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}$")
                .contains("-XX:MaxRAMPercentage=75")
                .contains("dependency:go-offline");
        int dependencies = dockerfile.indexOf("dependency:go-offline");
        assertThat(dockerfile.indexOf("COPY common/src"))
                .as("sources come after the dependency layer")
                .isGreaterThan(dependencies);
        assertThat(Files.readString(COMPOSE_DIR.resolve("../.dockerignore")))
                .contains("**/target")
                .contains(".git");
    }

    @Test
    void everyAppWaitsForHealthyDependenciesAndTheMigrationAndIsLockedDown() throws IOException {
        JsonNode services = compose().get("services");
        for (String app : APPS) {
            JsonNode service = services.get(app);
            assertThat(service).as(app).isNotNull();
            JsonNode dependsOn = service.get("depends_on");
            for (String infra : List.of("postgres", "redis", "rabbitmq")) {
                assertThat(dependsOn.path(infra).path("condition").asText())
                        .as(app + " on " + infra)
                        .isEqualTo("service_healthy");
            }
            assertThat(dependsOn.path("migrate").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
            assertThat(service.get("read_only").asBoolean())
                    .as(app + " read-only")
                    .isTrue();
            assertThat(service.get("environment").get("DB_BOOTSTRAP").asText()).isEqualTo("false");
        }
        for (String infra : List.of("postgres", "redis", "rabbitmq", "gateway")) {
            assertThat(services.get(infra).has("healthcheck"))
                    .as(infra + " health check")
                    .isTrue();
        }
        assertThat(services.get("gateway").get("ports").get(0).asText()).isEqualTo("8080:8080");
    }

    @Test
    void theComposeFileHoldsNoSecretValues() throws IOException {
        List<String> leaks = new ArrayList<>();
        compose().get("services").properties().forEach(service -> {
            JsonNode environment = service.getValue().path("environment");
            for (Map.Entry<String, JsonNode> variable : environment.properties()) {
                // Each service's AMQP_URL names its own broker user, so it is built here; its password can only
                // be a ${VAR} that docker compose fills from the env file.
                boolean interpolatedAmqp = variable.getKey().equals("AMQP_URL")
                        && variable.getValue()
                                .asText()
                                .matches("amqp://[a-z]+:\\$\\{[A-Z][A-Z0-9_]*(:\\?[^}]*)?}@[a-z]+:5672/[a-z0-9]+");
                if (variable.getKey().matches(".*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|AMQP_URL).*")
                        && !interpolatedAmqp) {
                    leaks.add(service.getKey() + "." + variable.getKey());
                }
            }
        });
        assertThat(leaks).as("secrets belong in the env file").isEmpty();
    }

    @Test
    void theGatewayRoutesEveryPublicPrefixToItsService() throws IOException {
        NginxRoutes routes = routes();
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("/api/v1/auth/login", "eco2_auth"),
                Map.entry("/api/v1/users/me", "eco2_my"),
                Map.entry("/api/v1/locations/bins", "eco2_location"),
                Map.entry("/api/v1/recycle/items", "eco2_info"),
                Map.entry("/api/v1/scan", "eco2_workers"),
                Map.entry("/api/v1/scan/0b6f2c7e-4d1a-4f0e-9a51-3c1d2e3f4a5b", "eco2_workers"),
                Map.entry("/api/v1/chat/sessions", "eco2_workers"),
                Map.entry("/api/v1/characters", "eco2_workers"),
                Map.entry("/api/v1/characters/me", "eco2_workers")));
        WorkersDeployment.STREAM_PATHS.forEach(path -> expected.put(path, "eco2_workers"));
        List<String> problems = new ArrayList<>();
        expected.forEach((uri, upstream) -> {
            Optional<String> pass = routes.locationFor(uri).flatMap(loc -> routes.effective(loc, "proxy_pass"));
            if (!pass.equals(Optional.of("http://" + upstream))) {
                problems.add(uri + " goes to " + pass.orElse("no upstream") + ", not " + upstream);
            }
        });
        assertThat(problems).as("gateway routes").isEmpty();
        assertThat(routes.locationFor("/api/v1/nothing-here").flatMap(loc -> routes.effective(loc, "proxy_pass")))
                .as("an unknown path gets the JSON 404, not a service")
                .isEmpty();
        String upstreams = Files.readString(COMPOSE_DIR.resolve("nginx/upstreams.conf"));
        APPS.forEach(app -> assertThat(upstreams).contains("server " + app + ":"));
    }

    @Test
    void theGatewayPassesServerSentEventsThroughUnbufferedAndWaitsLongerThanAStream() throws IOException {
        NginxRoutes routes = routes();
        List<String> problems = new ArrayList<>();
        for (String uri : WorkersDeployment.STREAM_PATHS) {
            Optional<NginxRoutes.Directive> found = routes.locationFor(uri);
            if (found.isEmpty()) {
                problems.add(uri + ": no location");
                continue;
            }
            NginxRoutes.Directive loc = found.get();
            String at = uri + " (" + NginxRoutes.describe(loc) + ")";
            Map<String, String> wanted = Map.of(
                    "proxy_buffering", "off",
                    "proxy_cache", "off",
                    "proxy_http_version", "1.1");
            wanted.forEach((name, value) -> {
                Optional<String> actual = routes.effective(loc, name);
                if (!actual.equals(Optional.of(value)))
                    problems.add(at + ": " + name + " is " + actual.orElse("unset") + ", not " + value);
            });
            if (!"".equals(routes.headers(loc).get("Connection"))) {
                problems.add(at + ": the Connection header is not cleared (proxy_set_header Connection \"\")");
            }
            for (String timeout : List.of("proxy_read_timeout", "proxy_send_timeout")) {
                Duration value = routes.effective(loc, timeout)
                        .map(WorkersDeployment::nginxTime)
                        .orElse(Duration.ofSeconds(60));
                if (value.compareTo(WorkersDeployment.STREAM_READ_TIMEOUT) < 0)
                    problems.add(at + ": " + timeout + " " + value + " is below a stream's life ("
                            + WorkersDeployment.STREAM_READ_TIMEOUT + ")");
            }
        }
        assertThat(problems).as("streaming locations").isEmpty();
    }

    @Test
    void everyLocationKeepsTheForwardedHeadersAndScanUploadsFit() throws IOException {
        NginxRoutes routes = routes();
        List<String> problems = new ArrayList<>();
        // proxy_set_header in a location drops every inherited one: the request id and client address must stay.
        Set<String> serverLevel = routes.serverHeaders().keySet();
        assertThat(serverLevel).contains("X-Request-ID", "X-Forwarded-For", "Host");
        for (NginxRoutes.Directive loc : routes.locations()) {
            if (routes.effective(loc, "proxy_pass").isEmpty()) continue;
            Set<String> missing = new TreeSet<>(serverLevel);
            missing.removeAll(routes.headers(loc).keySet());
            if (!missing.isEmpty())
                problems.add(NginxRoutes.describe(loc) + ": sets its own headers but drops " + missing);
        }
        NginxRoutes.Directive upload =
                routes.locationFor(WorkersDeployment.UPLOAD_PATH).orElseThrow();
        long limit = routes.effective(upload, "client_max_body_size")
                .map(WorkersDeployment::nginxSize)
                .orElse(1024L * 1024);
        if (limit <= WorkersDeployment.UPLOAD_BYTES)
            problems.add("POST " + WorkersDeployment.UPLOAD_PATH + ": client_max_body_size " + limit
                    + " bytes leaves no room for a 5 MiB image in multipart");
        assertThat(problems).as("gateway headers and bodies").isEmpty();
    }

    // ---- the workers' settings ---------------------------------------------------------------------------------

    @Test
    void theGatewayReplacesForwardedForAndIsTheOnlyProxyTheServicesTrust() throws IOException {
        NginxRoutes routes = routes();
        assertThat(routes.serverHeaders().get("X-Forwarded-For"))
                .as("appending ($proxy_add_x_forwarded_for) would pass on what the client made up")
                .isEqualTo("$remote_addr");
        for (NginxRoutes.Directive loc : routes.locations()) {
            if (routes.effective(loc, "proxy_pass").isEmpty()) continue;
            assertThat(routes.headers(loc).get("X-Forwarded-For"))
                    .as(NginxRoutes.describe(loc))
                    .isEqualTo("$remote_addr");
        }
        JsonNode services = compose().get("services");
        String gateway = services.get("gateway")
                .get("networks")
                .get("default")
                .get("ipv4_address")
                .asText();
        String subnet = compose()
                .get("networks")
                .get("default")
                .get("ipam")
                .get("config")
                .get(0)
                .get("subnet")
                .asText();
        assertThat(gateway).startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));
        for (String app : APPS) {
            assertThat(services.get(app)
                            .get("environment")
                            .path("TRUSTED_PROXIES")
                            .asText())
                    .as(app)
                    .isEqualTo(gateway + "/32");
        }
    }

    @Test
    void workersGetsEverySecretProductionRequiresFromTheEnvFile() throws IOException {
        Map<String, String> envFile = envExample();
        JsonNode environment = compose().get("services").get("workers").get("environment");
        List<String> missing = new ArrayList<>();
        for (String secret : WorkersDeployment.productionSecrets()) {
            if (!envFile.containsKey(secret) && !environment.has(secret)) missing.add(secret);
        }
        assertThat(missing)
                .as("secrets workers requires in production, missing from .env.example and from the compose file")
                .isEmpty();
        assertThat(WorkersDeployment.productionSecrets()).contains("SCAN_TICKET_SECRET", "LLM_API_KEY");
        assertThat(WorkersDeployment.ticketSecretProblem(envFile.get("SCAN_TICKET_SECRET")))
                .as(".env.example's SCAN_TICKET_SECRET")
                .isNull();
    }

    @Test
    void workersGetsEveryScanChatAndLlmSetting() throws IOException {
        Map<String, String> envFile = envExample();
        JsonNode environment = compose().get("services").get("workers").get("environment");
        List<String> missing = WorkersDeployment.featureSettings().stream()
                .filter(name -> !environment.has(name) && !envFile.containsKey(name))
                .toList();
        assertThat(missing)
                .as("variables scan, chat or the LLM client read, set neither in the compose file nor in .env.example")
                .isEmpty();
        assertThat(envFile.get("LLM_BASE_URL")).as("the example runs offline").isEmpty();
    }

    @Test
    void workersReachesInfoAndLocationByServiceNameAndStartsAfterThem() throws IOException {
        JsonNode services = compose().get("services");
        JsonNode workers = services.get("workers");
        List<String> problems = new ArrayList<>();
        WorkersDeployment.UPSTREAMS.forEach((variable, service) -> {
            String value = workers.path("environment").path(variable).asText("");
            URI url = value.matches("https?://.+") ? URI.create(value) : null;
            String port =
                    services.path(service).path("environment").path("PORT").asText();
            if (url == null || !service.equals(url.getHost()) || !port.equals(String.valueOf(url.getPort()))) {
                problems.add(variable + "=" + value + " is not http://" + service + ":" + port);
            }
            if (!"service_healthy"
                    .equals(workers.path("depends_on")
                            .path(service)
                            .path("condition")
                            .asText())) {
                problems.add("workers does not wait for " + service + " to be healthy");
            }
        });
        assertThat(problems).as("workers' upstreams").isEmpty();
    }

    @Test
    void everyServiceRoleIsOneTheMigrateStepCreates() throws IOException {
        JsonNode services = compose().get("services");
        List<String> problems = new ArrayList<>();
        for (String app : APPS) {
            services.get(app).get("environment").properties().forEach(variable -> {
                if (variable.getKey().endsWith("DB_USER")
                        && !MigrateAll.SCHEMAS.containsKey(variable.getValue().asText())) {
                    problems.add(app + "." + variable.getKey() + "="
                            + variable.getValue().asText());
                }
            });
        }
        JsonNode workers = services.get("workers").get("environment");
        WorkersDeployment.featureSettings().stream()
                .filter(name -> name.endsWith("_DB_USER"))
                .filter(name -> !workers.has(name))
                .forEach(name -> problems.add("workers." + name + " is not set (its role would default)"));
        assertThat(problems)
                .as("roles that MigrateAll does not create %s", MigrateAll.SCHEMAS.keySet())
                .isEmpty();
    }

    private static NginxRoutes routes() throws IOException {
        return new NginxRoutes(Files.readString(COMPOSE_DIR.resolve("nginx/routes.conf")));
    }

    /** compose/.env.example, the template of the env file every app container reads. */
    static Map<String, String> envExample() throws IOException {
        Map<String, String> vars = new TreeMap<>();
        for (String line : Files.readAllLines(COMPOSE_DIR.resolve(".env.example"))) {
            if (line.isBlank() || line.startsWith("#") || !line.contains("=")) continue;
            vars.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1));
        }
        return vars;
    }

    /** Loaded with SnakeYAML, which applies the file's {@code <<:} merge keys as docker-compose does. */
    static JsonNode compose() throws IOException {
        Object yaml = new Yaml().load(Files.readString(COMPOSE_DIR.resolve("docker-compose.yml")));
        return new ObjectMapper().valueToTree(yaml);
    }
}
