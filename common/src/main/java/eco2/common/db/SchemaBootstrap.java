package eco2.common.db;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dev/CI only: as an admin, creates the database if missing, the service role, its schema (owned by the
 * role), the role's search_path and any extensions. Identifiers cannot be bound as parameters, so they are
 * checked against a strict pattern first; the password is quoted by PostgreSQL's {@code format('%L')}.
 */
public final class SchemaBootstrap {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SchemaBootstrap() {}

    public static void ensure(DbSettings db, List<String> extensions) {
        String schema = identifier(db.schema());
        String role = identifier(db.user());
        ensureDatabase(db);
        try (Connection c = DriverManager.getConnection(db.url(), db.adminUser(), db.adminPassword());
                Statement st = c.createStatement()) {
            String verb = roleExists(c, role) ? "ALTER" : "CREATE";
            st.execute(format(c, verb + " ROLE %I LOGIN PASSWORD %L", role, db.password()));
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            st.execute("DO $$ BEGIN EXECUTE format('ALTER ROLE " + role + " IN DATABASE %I SET search_path = " + schema
                    + "', current_database()); END $$");
            for (String extension : extensions) {
                // Into the service's schema: its search_path is that schema alone.
                st.execute("CREATE EXTENSION IF NOT EXISTS " + identifier(extension) + " WITH SCHEMA " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Database bootstrap for schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    private static void ensureDatabase(DbSettings db) {
        try {
            DriverManager.getConnection(db.url(), db.adminUser(), db.adminPassword())
                    .close(); // it exists
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState()))
                throw new IllegalStateException("Cannot reach PostgreSQL: " + e.getMessage(), e);
        }
        String name = identifier(databaseName(db.url()));
        try (Connection c = DriverManager.getConnection(
                        db.url().replaceFirst("/" + name + "(\\?|$)", "/postgres$1"),
                        db.adminUser(),
                        db.adminPassword());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    static String databaseName(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe SQL identifier: " + name);
        }
        return name;
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** PostgreSQL's own format(): %I quotes identifiers, %L literals, so no value is spliced in by hand. */
    private static String format(Connection c, String template, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format(?" + ", ?".repeat(args.length) + ")")) {
            ps.setString(1, template);
            for (int i = 0; i < args.length; i++) ps.setString(i + 2, args[i]);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
