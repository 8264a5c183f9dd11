package eco2.location.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.config.Env;
import eco2.common.db.Database;
import eco2.common.error.ApiException;
import eco2.common.json.Json;
import eco2.common.redis.Redis;
import eco2.location.LocationCaches;
import eco2.location.LocationConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Imports a file from the command line, with the service's own database settings (DATABASE_URL, DB_USER, ...)
 * and REDIS_URL for cache invalidation:
 * <pre>
 * java -cp location/target/location.jar eco2.location.importer.ImportMain centers keco.csv
 * java -cp location/target/location.jar eco2.location.importer.ImportMain bins bins.csv [source]
 * </pre>
 * Prints the report as JSON; exits 0 on success, 1 when the import failed, 2 on a usage error.
 */
public final class ImportMain {
    private ImportMain() {}

    public static void main(String[] args) {
        System.exit(run(args, Env.system(), System.out, System.err));
    }

    public static int run(String[] args, Env env, PrintStream out, PrintStream err) {
        if (args.length < 2
                || args.length > 3
                || !List.of("centers", "bins").contains(args[0])
                || (args[0].equals("centers") && args.length != 2)) {
            err.println("usage: ImportMain centers FILE | ImportMain bins FILE [SOURCE]");
            return 2;
        }
        String text;
        try {
            text = CsvText.decode(Files.readAllBytes(Path.of(args[1])));
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        LocationConfig config = LocationConfig.fromEnv(env);
        ObjectMapper mapper = Json.newMapper();
        try (Database database = Database.open(config.db(), new SimpleMeterRegistry(), List.of());
                RedisClient redis = Redis.connect(env.get("REDIS_URL", "redis://127.0.0.1:6379/0"))) {
            // A CLI run exposes no metrics: the caches count into a registry nobody reads.
            LocationCaches caches = LocationCaches.create(redis, new SimpleMeterRegistry(), true);
            ImportService imports = new ImportService(database.jdbi(), caches.binsNearby(), caches.centersNearby());
            ImportReport report = args[0].equals("centers")
                    ? imports.importCenters(new StringReader(text))
                    : imports.importBins(new StringReader(text), args.length == 3 ? args[2] : "csv");
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        } catch (ApiException e) {
            err.println("import refused: "
                    + e.errors().stream()
                            .map(f -> f.field() + " " + f.message())
                            .toList());
            return 1;
        } catch (Exception e) {
            err.println("import failed: " + e);
            return 1;
        }
    }
}
