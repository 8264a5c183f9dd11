package eco2.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates a brand-new database per caller and sweeps the ones that earlier test runs left behind. */
final class TestDatabases {

    // The creation second is part of the name because PostgreSQL keeps no creation time for databases.
    private static final Pattern NAME = Pattern.compile("eco2_test_(\\d{10,})_[0-9a-f]{8}");

    /**
     * Another module's tests may run in parallel against the same server; a database younger than this is left alone
     * even when idle, so the sweep never races a run that has just created it.
     */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final TestPostgres postgres;

    TestDatabases(TestPostgres postgres) {
        this.postgres = postgres;
    }

    String create() {
        String name = "eco2_test_" + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = postgres.connectAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + postgres.description(), e);
        }
    }

    /** Best effort: drops idle eco2_test_* databases created before {@code runStart} minus the grace period. */
    int sweepStale(Instant runStart) {
        Instant cutoff = runStart.minus(GRACE);
        int dropped = 0;
        try (Connection admin = postgres.connectAdmin()) {
            for (String name : staleNames(admin, cutoff)) {
                if (isIdle(admin, name) && tryDrop(admin, name)) {
                    dropped++;
                }
            }
        } catch (SQLException ignored) {
            // Leftover databases cost disk, not correctness; never fail a test run over them.
        }
        return dropped;
    }

    private static List<String> staleNames(Connection admin, Instant cutoff) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'eco2\\_test\\_%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches()
                        && Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(cutoff)) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private static boolean isIdle(Connection admin, String name) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
        }
    }

    /** Plain DROP (not WITH (FORCE)): if someone connected since the check, PostgreSQL refuses and we move on. */
    private static boolean tryDrop(Connection admin, String name) {
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
