package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        compose().get("services").fields().forEachRemaining(service -> {
            JsonNode environment = service.getValue().path("environment");
            for (Iterator<Map.Entry<String, JsonNode>> it = environment.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                if (variable.getKey().matches(".*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|AMQP_URL).*")) {
                    leaks.add(service.getKey() + "." + variable.getKey());
                }
            }
        });
        assertThat(leaks).as("secrets belong in the env file").isEmpty();
    }

    @Test
    void theGatewayRoutesEveryPublicPrefixToItsService() throws IOException {
        String routes = Files.readString(COMPOSE_DIR.resolve("nginx/routes.conf"));
        Map<String, String> expected = Map.of(
                "/api/v1/auth/",
                "eco2_auth",
                "/api/v1/users/",
                "eco2_my",
                "/api/v1/locations/",
                "eco2_location",
                "/api/v1/recycle/",
                "eco2_info",
                "/api/v1/scan",
                "eco2_workers",
                "/api/v1/chat/",
                "eco2_workers",
                "/api/v1/characters",
                "eco2_workers");
        expected.forEach((prefix, upstream) -> assertThat(routes)
                .containsPattern(
                        "location " + prefix.replace("/", "\\/") + "\\s+\\{ proxy_pass http://" + upstream + ";"));
        String upstreams = Files.readString(COMPOSE_DIR.resolve("nginx/upstreams.conf"));
        APPS.forEach(app -> assertThat(upstreams).contains("server " + app + ":"));
    }

    /** Loaded with SnakeYAML, which applies the file's {@code <<:} merge keys as docker-compose does. */
    private static JsonNode compose() throws IOException {
        Object yaml = new Yaml().load(Files.readString(COMPOSE_DIR.resolve("docker-compose.yml")));
        return new ObjectMapper().valueToTree(yaml);
    }
}
