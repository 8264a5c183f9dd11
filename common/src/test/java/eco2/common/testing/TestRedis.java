package eco2.common.testing;

import eco2.common.embedded.EmbeddedRedisServer;
import java.io.IOException;
import java.net.URI;
import redis.clients.jedis.Jedis;

/** The Redis the tests use: TEST_REDIS_URL, else 127.0.0.1:6379, else an embedded server; always a dedicated DB index. */
final class TestRedis {

    private static final String URL_ENV = "TEST_REDIS_URL";
    private static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    /** Far from the db 0 that local dev uses, so flushing test data never wipes a developer's sessions. */
    private static final int TEST_DB = 15;

    private final String uri;
    private final String description;
    private final EmbeddedRedisServer embedded;

    private TestRedis(String uri, String description, EmbeddedRedisServer embedded) {
        this.uri = uri;
        this.description = description;
        this.embedded = embedded;
    }

    static TestRedis locate(boolean forceEmbedded) throws IOException {
        String url = TestEnv.getOrDefault(URL_ENV, DEFAULT_URL);
        String origin = TestEnv.origin(URL_ENV);
        if (!forceEmbedded && ServiceProbe.redis(url)) {
            String uri = withTestDb(url);
            return new TestRedis(uri, origin + " " + TestEnv.redact(uri), null);
        }
        EmbeddedRedisServer server = EmbeddedRedisServer.start();
        String uri = withTestDb(server.uri());
        String why = forceEmbedded ? "forced" : origin + " " + TestEnv.redact(url) + " did not answer";
        return new TestRedis(uri, "embedded Redis at " + uri + " (" + why + ")", server);
    }

    String uri() {
        return uri;
    }

    String description() {
        return description;
    }

    /** FLUSHDB, not FLUSHALL: only the test index is wiped. */
    void flush() {
        try (Jedis jedis = new Jedis(URI.create(uri), 2000)) {
            jedis.flushDB();
        }
    }

    EmbeddedRedisServer embedded() {
        return embedded;
    }

    /** Keeps an index the caller put in TEST_REDIS_URL; otherwise selects {@link #TEST_DB}. */
    static String withTestDb(String url) {
        URI parsed = URI.create(url);
        String path = parsed.getPath();
        if (path != null && path.length() > 1) {
            return url;
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return base + "/" + TEST_DB;
    }
}
