package eco2.common.embedded;

import java.io.IOException;
import redis.embedded.RedisServer;

/** Embedded Redis (codemonstur binary) on a free 127.0.0.1 port, memory only, for the dev launcher and for tests. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final RedisServer server;
    private final int port;
    private boolean closed;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedisServer start() throws IOException {
        int port = FreePorts.pick();
        RedisServer server = RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                // A stand-in must not leave dump.rdb or appendonly files next to the extracted binary.
                .setting("save \"\"")
                .setting("appendonly no")
                // Keep the default loglevel: start() waits for the NOTICE line "Ready to accept connections".
                // Drain the pipes so the server can never block on a full stdout buffer.
                .soutListener(line -> {})
                .serrListener(line -> {})
                // Kill the process even if the JVM exits without close().
                .onShutdownForceStop(true)
                .build();
        server.start();
        return new EmbeddedRedisServer(server, port);
    }

    /** Redis URI of this server, e.g. {@code redis://127.0.0.1:43567}. */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        server.stop();
    }
}
