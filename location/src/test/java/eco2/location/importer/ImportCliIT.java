package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.config.Env;
import eco2.common.redis.Redis;
import eco2.common.testing.TestServices;
import eco2.location.KecoFile;
import eco2.location.LocationCaches;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * ImportMain, the command-line importer: same report as the endpoint, and it invalidates the caches too. The real
 * KECO file's test runs where the file is (CI); the made-up sample's runs everywhere.
 */
class ImportCliIT {
    static Env env;

    @BeforeAll
    static void environment() {
        TestServices services = TestServices.get();
        env = new Env(Map.of(
                "DATABASE_URL",
                services.adminJdbcUrl(services.freshDatabase()),
                "DB_USER",
                "locations",
                "DB_PASSWORD",
                "eco2-test",
                "DB_BOOTSTRAP",
                "true",
                "DB_ADMIN_USER",
                services.adminUser(),
                "DB_ADMIN_PASSWORD",
                services.adminPassword(),
                "DB_POOL_SIZE",
                "2",
                "REDIS_URL",
                services.redisUri()));
    }

    @Test
    void importsTheKecoFileOnceAndThenFindsItUnchanged() throws Exception {
        try (RedisClient redis = Redis.connect(TestServices.get().redisUri())) {
            long generation = generation(redis);
            JsonNode first = run(0, "centers", KecoFile.path().toString());
            assertThat(first.get("inserted").asInt()).isEqualTo(395);
            assertThat(first.get("rejected").asInt()).isEqualTo(14);
            assertThat(generation(redis)).isEqualTo(generation + 1);

            JsonNode second = run(0, "centers", KecoFile.path().toString());
            assertThat(second.get("inserted").asInt()).isZero();
            assertThat(second.get("unchanged").asInt()).isEqualTo(395);
            assertThat(generation(redis))
                    .as("nothing changed, nothing invalidated")
                    .isEqualTo(generation + 1);
        }
    }

    @Test
    void importsTheKecoSampleOnceAndThenFindsItUnchanged() throws Exception {
        try (RedisClient redis = Redis.connect(TestServices.get().redisUri())) {
            long generation = generation(redis);
            JsonNode first = run(0, "centers", KecoFile.fixture().toString());
            assertThat(first.get("inserted").asInt()).isEqualTo(4);
            assertThat(first.get("rejected").asInt()).isEqualTo(8);
            assertThat(generation(redis)).isEqualTo(generation + 1);

            JsonNode second = run(0, "centers", KecoFile.fixture().toString());
            assertThat(second.get("unchanged").asInt()).isEqualTo(4);
            assertThat(generation(redis)).isEqualTo(generation + 1);
        }
    }

    @Test
    void importsBinsUnderASource() throws Exception {
        Path csv = Files.createTempFile("bins", ".csv");
        Files.writeString(csv, "name,address,latitude,longitude,bin_type,region\n수거함,주소,37.5,127.0,의류,서울\n");
        assertThat(run(0, "bins", csv.toString(), "cli-test").get("inserted").asInt())
                .isEqualTo(1);
    }

    @Test
    void usageAndInputErrorsExitNonZero() throws Exception {
        assertThat(exit("centers")).isEqualTo(2);
        assertThat(exit("stations", "x.csv")).isEqualTo(2);
        assertThat(exit("centers", "a.csv", "extra")).isEqualTo(2);
        assertThat(exit("centers", "/nonexistent/keco.csv")).isEqualTo(2);
        Path bad = Files.createTempFile("bad", ".csv");
        Files.writeString(bad, "only,two\n1,2\n");
        assertThat(exit("centers", bad.toString())).isEqualTo(1);
    }

    private static long generation(RedisClient redis) {
        String value = redis.get(LocationCaches.CENTERS_GENERATION);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static JsonNode run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportMain.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static int exit(String... args) {
        return ImportMain.run(
                args, env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }
}
