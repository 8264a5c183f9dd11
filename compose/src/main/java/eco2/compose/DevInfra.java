package eco2.compose;

import eco2.common.embedded.EmbeddedAmqpBroker;
import eco2.common.embedded.EmbeddedPostgresServer;
import eco2.common.embedded.EmbeddedRedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the dev stack finds PostgreSQL, Redis and AMQP: the {@code DATABASE_URL}, {@code REDIS_URL} and
 * {@code AMQP_URL} given, or embedded servers on free ports with their data under {@code ./.eco2-dev/}.
 * The result is an environment overlay that the services' own config records read.
 */
final class DevInfra implements AutoCloseable {
    private final Map<String, String> overlay = new HashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> report = new ArrayList<>();

    static DevInfra resolve(Map<String, String> env, Path dataDir) throws Exception {
        DevInfra infra = new DevInfra();
        try {
            infra.postgres(env, dataDir);
            infra.redis(env);
            infra.amqp(env, dataDir);
            return infra;
        } catch (Exception e) {
            infra.close();
            throw e;
        }
    }

    Map<String, String> overlay() {
        return overlay;
    }

    List<String> report() {
        return report;
    }

    private void postgres(Map<String, String> env, Path dataDir) throws Exception {
        if (env.containsKey("DATABASE_URL")) {
            report.add("PostgreSQL  " + redact(env.get("DATABASE_URL")) + " (from DATABASE_URL)");
            return;
        }
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        started.add(pg);
        overlay.put("DATABASE_URL", pg.jdbcUrl("eco2"));
        overlay.put("DB_ADMIN_USER", pg.adminUser());
        overlay.put("DB_ADMIN_PASSWORD", pg.adminPassword());
        report.add("PostgreSQL  " + pg.jdbcUrl("eco2") + " (embedded, data in " + dataDir.resolve("postgres") + ")");
    }

    private void redis(Map<String, String> env) throws Exception {
        if (env.containsKey("REDIS_URL")) {
            report.add("Redis       " + redact(env.get("REDIS_URL")) + " (from REDIS_URL)");
            return;
        }
        EmbeddedRedisServer redis = EmbeddedRedisServer.start();
        started.add(redis);
        overlay.put("REDIS_URL", redis.uri());
        report.add("Redis       " + redis.uri() + " (embedded, in memory)");
    }

    private void amqp(Map<String, String> env, Path dataDir) throws Exception {
        if (env.containsKey("AMQP_URL")) {
            report.add("AMQP        " + redact(env.get("AMQP_URL")) + " (from AMQP_URL)");
            return;
        }
        EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(dataDir.resolve("amqp"));
        started.add(broker);
        overlay.put("AMQP_URL", broker.uri());
        report.add("AMQP        " + redact(broker.uri()) + " (embedded Qpid Broker-J)");
    }

    /** Never print credentials: user:password@ and ?password= both go. */
    private static String redact(String url) {
        return url.replaceFirst("//[^@/]*@", "//***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // shutting down: nothing useful to do with a failure here
            }
        }
    }
}
