package eco2.common.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import eco2.common.db.DbSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Where every integration test finds PostgreSQL, Redis and RabbitMQ, decided once per JVM.
 *
 * <p>Per service: the TEST_* env var if set, else the machine's default port; if that does not answer within about a
 * second, an embedded stand-in is started and stopped at JVM exit. {@code -Deco2.test.forceEmbedded=true} skips the
 * real servers.
 */
public final class TestServices {

    private static final Logger LOG = LoggerFactory.getLogger(TestServices.class);

    // The one static mutable field the style allows: probing and starting servers is too slow to repeat per test class.
    private static TestServices instance;

    private final TestPostgres postgres;
    private final TestDatabases databases;
    private final TestRedis redis;
    private final TestAmqp amqp;

    private TestServices(TestPostgres postgres, TestRedis redis, TestAmqp amqp) {
        this.postgres = postgres;
        this.databases = new TestDatabases(postgres);
        this.redis = redis;
        this.amqp = amqp;
    }

    /** The JVM-wide services; the first call probes (and maybe starts) them, later calls return the same instance. */
    public static synchronized TestServices get() {
        if (instance == null) {
            instance = locateAll();
        }
        return instance;
    }

    private static TestServices locateAll() {
        Instant runStart = Instant.now();
        boolean forceEmbedded = TestEnv.forceEmbedded();
        List<AutoCloseable> embedded = new ArrayList<>();
        stopAtExit(embedded);
        try {
            TestPostgres postgres = TestPostgres.locate(forceEmbedded);
            addIfPresent(embedded, postgres.embedded());
            LOG.info("TestServices PostgreSQL: {}", postgres.description());
            TestRedis redis = TestRedis.locate(forceEmbedded);
            addIfPresent(embedded, redis.embedded());
            LOG.info("TestServices Redis: {}", redis.description());
            TestAmqp amqp = TestAmqp.locate(forceEmbedded);
            addIfPresent(embedded, amqp.embedded());
            LOG.info("TestServices AMQP: {}", amqp.description());
            TestServices services = new TestServices(postgres, redis, amqp);
            services.databases.sweepStale(runStart);
            return services;
        } catch (Exception e) {
            throw new IllegalStateException("cannot provide PostgreSQL, Redis and AMQP for tests", e);
        }
    }

    private static void addIfPresent(List<AutoCloseable> embedded, AutoCloseable server) {
        if (server != null) {
            synchronized (embedded) {
                embedded.add(server);
            }
        }
    }

    /** Registered before anything starts, so a failure half-way still stops what did start. */
    private static void stopAtExit(List<AutoCloseable> embedded) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            List<AutoCloseable> newestFirst;
                            synchronized (embedded) {
                                newestFirst = new ArrayList<>(embedded);
                            }
                            Collections.reverse(newestFirst);
                            for (AutoCloseable server : newestFirst) {
                                try {
                                    server.close();
                                } catch (Exception ignored) {
                                    // The JVM is going away; the OS reaps whatever is left.
                                }
                            }
                        },
                        "eco2-test-services-stop"));
    }

    /** How a service under test reaches {@code schema} in {@code database}: its own role, bootstrapped as admin. */
    public DbSettings dbSettings(String database, String schema) {
        return new DbSettings(
                adminJdbcUrl(database), schema, schema, "eco2-test", 4, true, adminUser(), adminPassword());
    }

    /** A plain client connection to the test broker, for tests that publish or observe messages themselves. */
    public Connection amqpConnection(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri());
        return factory.newConnection(name);
    }

    /** The test broker's URI, but reached through {@code proxy} (which forwards to the broker). */
    public String amqpUriVia(TcpProxy proxy) {
        URI real = URI.create(amqpUri());
        return real.getScheme() + "://" + real.getRawUserInfo() + "@127.0.0.1:" + proxy.port() + real.getRawPath();
    }

    /** A proxy in front of the test broker, for outage tests. */
    public TcpProxy amqpProxy() throws IOException {
        URI real = URI.create(amqpUri());
        return new TcpProxy(real.getHost(), real.getPort());
    }

    /**
     * The environment a service process under test needs to reach {@code schema} in {@code database}, Redis and the
     * broker, as it would read it in production (for tests that start services as separate JVMs).
     */
    public Map<String, String> serviceEnv(String database, String schema) {
        DbSettings db = dbSettings(database, schema);
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.url());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("DB_BOOTSTRAP", "true");
        env.put("DB_ADMIN_USER", db.adminUser());
        env.put("DB_ADMIN_PASSWORD", db.adminPassword() == null ? "" : db.adminPassword());
        env.put("REDIS_URL", redisUri());
        env.put("AMQP_URL", amqpUri());
        return env;
    }

    /** JDBC URL of {@code database} on the test server, to be used with {@link #adminUser()} / {@link #adminPassword()}. */
    public String adminJdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String adminUser() {
        return postgres.user();
    }

    public String adminPassword() {
        return postgres.password();
    }

    /** Creates an empty database named {@code eco2_test_<epochSecond>_<random>} and returns its name. */
    public String freshDatabase() {
        return databases.create();
    }

    /** Redis URI whose path selects the dedicated test DB index (15 unless TEST_REDIS_URL names one). */
    public String redisUri() {
        return redis.uri();
    }

    /** Empties the test DB index only; other indexes on a shared server are untouched. */
    public void flushRedis() {
        redis.flush();
    }

    /**
     * The test Redis at another DB index, emptied: for a test whose Redis state must outlive a whole class (a signed-in
     * browser session), since other test runs on the machine flush the shared test index at any moment.
     */
    public String isolatedRedisUri(int index) {
        URI shared = URI.create(redis.uri());
        String own = shared.getScheme() + "://" + shared.getRawAuthority() + "/" + index;
        try (RedisClient client = RedisClient.create(own)) {
            client.flushDB();
        }
        return own;
    }

    /** AMQP URI for com.rabbitmq.client.ConnectionFactory#setUri. */
    public String amqpUri() {
        return amqp.uri();
    }
}
