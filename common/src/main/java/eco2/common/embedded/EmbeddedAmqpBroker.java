package eco2.common.embedded;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * In-process Apache Qpid Broker-J speaking AMQP 0-8/0-9/0-9-1 on a free 127.0.0.1 port, as a RabbitMQ stand-in.
 *
 * <p>One in-memory virtual host named {@code default}; user guest/guest over PLAIN. Nothing survives close.
 * Qpid is not RabbitMQ: see EmbeddedServersIT for which dead-lettering features it has.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private static final String INITIAL_CONFIG = "/eco2/embedded/qpid-initial-config.json";
    private static final String VIRTUAL_HOST = "default";

    private final SystemLauncher launcher;
    private final int port;
    private final Path ownedWorkDir;
    private boolean closed;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port, Path ownedWorkDir) {
        this.launcher = launcher;
        this.port = port;
        this.ownedWorkDir = ownedWorkDir;
    }

    /** Starts a broker whose work files go to a temp dir removed on close. */
    public static EmbeddedAmqpBroker start() throws Exception {
        return start(null);
    }

    /**
     * Starts a broker on a free port.
     *
     * @param workDir where Qpid writes its work files (preferences, logs); {@code null} means a temp dir removed on close.
     */
    public static EmbeddedAmqpBroker start(Path workDir) throws Exception {
        QuietLoggers.warnOnly("org.apache.qpid", "qpid.message", "qpid.statistics");
        Path ownedWorkDir = workDir == null ? TempDirs.create("eco2-embedded-qpid-") : null;
        Path effectiveWorkDir = workDir == null ? ownedWorkDir : Files.createDirectories(workDir);
        int port = FreePorts.pick();
        SystemLauncher launcher = new SystemLauncher();
        try {
            launcher.startup(systemConfig(effectiveWorkDir, port));
        } catch (Exception e) {
            launcher.shutdown();
            TempDirs.deleteQuietly(ownedWorkDir);
            throw e;
        }
        return new EmbeddedAmqpBroker(launcher, port, ownedWorkDir);
    }

    private static Map<String, Object> systemConfig(Path workDir, int port) {
        URL initialConfig = EmbeddedAmqpBroker.class.getResource(INITIAL_CONFIG);
        if (initialConfig == null) {
            throw new IllegalStateException(INITIAL_CONFIG + " is missing from the classpath");
        }
        return Map.of(
                "type",
                "Memory",
                "initialConfigurationLocation",
                initialConfig.toExternalForm(),
                // Qpid prints its start-up banner to stdout unless told otherwise.
                "startupLoggedToSystemOut",
                false,
                "context",
                Map.of(
                        "qpid.work_dir", workDir.toAbsolutePath().toString(),
                        "qpid.amqp_port", Integer.toString(port)));
    }

    /**
     * AMQP URI for the RabbitMQ Java client. The path is the virtual host name: the client sends it verbatim in
     * connection.open, and Qpid resolves "default" (or "/default") by name through the port's nameAlias.
     */
    public String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/" + VIRTUAL_HOST;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        launcher.shutdown();
        TempDirs.deleteQuietly(ownedWorkDir);
    }
}
