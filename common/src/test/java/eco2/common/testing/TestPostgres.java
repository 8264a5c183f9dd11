package eco2.common.testing;

import eco2.common.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL admin connection the tests use: TEST_DATABASE_URL, else 127.0.0.1:5432, else an embedded server. */
final class TestPostgres {

    private static final String URL_ENV = "TEST_DATABASE_URL";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedPostgresServer embedded;

    private TestPostgres(
            String adminUrl, String user, String password, String description, EmbeddedPostgresServer embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    static TestPostgres locate(boolean forceEmbedded) throws IOException {
        String url = TestEnv.getOrDefault(URL_ENV, DEFAULT_URL);
        String user = TestEnv.getOrDefault("TEST_DATABASE_USER", "postgres");
        String rawPassword = System.getenv("TEST_DATABASE_PASSWORD");
        String password = rawPassword == null ? "" : rawPassword;
        String origin = TestEnv.origin(URL_ENV);
        if (!forceEmbedded && ServiceProbe.postgres(url, user, password)) {
            return new TestPostgres(
                    url, user, password, origin + " " + TestEnv.redact(url) + " (user " + user + ")", null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        String why = forceEmbedded ? "forced" : origin + " " + TestEnv.redact(url) + " did not answer";
        return new TestPostgres(
                server.jdbcUrl("postgres"),
                server.adminUser(),
                server.adminPassword(),
                "embedded PostgreSQL at " + server.jdbcUrl("postgres") + " (" + why + ")",
                server);
    }

    /** The admin URL with its database swapped for {@code database}; host list and query parameters are kept. */
    String jdbcUrl(String database) {
        return withDatabase(adminUrl, database);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return description;
    }

    Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl, ServiceProbe.credentials(user, password));
    }

    /** The embedded server to stop at JVM exit, or null when a real one is used. */
    EmbeddedPostgresServer embedded() {
        return embedded;
    }

    static String withDatabase(String url, String database) {
        int authority = url.indexOf("//");
        if (!url.startsWith("jdbc:postgresql:") || authority < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/db URL: " + url);
        }
        int query = url.indexOf('?', authority + 2);
        int end = query < 0 ? url.length() : query;
        int path = url.indexOf('/', authority + 2);
        int hostEnd = path < 0 || path > end ? end : path;
        return url.substring(0, hostEnd) + "/" + database + url.substring(end);
    }
}
