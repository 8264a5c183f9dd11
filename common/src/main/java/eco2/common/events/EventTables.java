package eco2.common.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings the declared {@link EventTable}s of a schema to their one canonical shape, after the schema's own Flyway
 * migrations. The DDL is idempotent: it creates a missing table, adds missing columns and indexes, and touches nothing
 * that is already right (catalogue checks first, so a start-up takes no table lock). Older schemas, whose versioned
 * migrations created these tables themselves, keep those migrations (Flyway checksums forbid editing them) and are
 * brought up to the same shape with their rows kept.
 *
 * <p>It runs after the versioned migrations, so a service's own migrations must not refer to these tables.
 */
public final class EventTables {
    private EventTables() {}

    /** Applies the DDL of {@code tables} in the connection's schema, in one transaction, one replica at a time. */
    public static void apply(DataSource dataSource, String schema, Set<EventTable> tables) {
        if (tables.isEmpty()) return;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // Replicas starting together would otherwise race on CREATE TABLE IF NOT EXISTS.
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "eco2.event-tables." + schema);
                    lock.execute();
                }
                try (Statement st = c.createStatement()) {
                    for (EventTable table : EventTable.values()) {
                        if (tables.contains(table)) st.execute(ddl(table));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Event tables for schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The canonical DDL of {@code table}, as shipped in {@code common}. */
    public static String ddl(EventTable table) {
        try (InputStream in = EventTables.class.getResourceAsStream(table.resource())) {
            if (in == null) throw new IllegalStateException("missing resource " + table.resource());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
