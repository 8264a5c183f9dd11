package eco2.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.db.DbSettings;
import eco2.common.db.SchemaBootstrap;
import eco2.common.testing.TestServices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * The migration that makes emails unique ignoring case, run on a database that already holds a clash: it
 * succeeds, changes no account, reports the clash, and refuses new ones.
 */
class EmailCaseMigrationIT {
    @Test
    void aDatabaseWithAClashMigratesAndReportsIt() {
        TestServices services = TestServices.get();
        DbSettings db = services.dbSettings(services.freshDatabase(), "auth");
        SchemaBootstrap.ensure(db, List.of());
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        migrate(db, MigrationVersion.fromVersion("5"));

        UUID older = insert(jdbi, "Bob@example.com", "bob_old", "2024-01-01T00:00:00Z");
        UUID newer = insert(jdbi, "bob@example.com", "bob_new", "2025-01-01T00:00:00Z");
        UUID alone = insert(jdbi, "alice@example.com", "alice", "2025-01-01T00:00:00Z");
        migrate(db, MigrationVersion.LATEST);

        List<Map<String, Object>> users =
                jdbi.withHandle(h -> h.createQuery("SELECT id, email FROM auth.users ORDER BY created_at, username")
                        .mapToMap()
                        .list());
        assertThat(users)
                .extracting(u -> u.get("email"))
                .containsExactly("Bob@example.com", "alice@example.com", "bob@example.com");
        List<Map<String, Object>> report = jdbi.withHandle(
                h -> h.createQuery("SELECT user_id, email_key, email, kept FROM auth.email_case_clashes ORDER BY email")
                        .mapToMap()
                        .list());
        assertThat(report)
                .containsExactly(
                        Map.of(
                                "user_id",
                                older,
                                "email_key",
                                "bob@example.com",
                                "email",
                                "Bob@example.com",
                                "kept",
                                true),
                        Map.of(
                                "user_id",
                                newer,
                                "email_key",
                                "bob@example.com",
                                "email",
                                "bob@example.com",
                                "kept",
                                false));

        // Each clashing account still signs in with its own spelling; another spelling finds the one that kept it.
        assertThat(find(jdbi, "bob@example.com")).isEqualTo(newer);
        assertThat(find(jdbi, "Bob@example.com")).isEqualTo(older);
        assertThat(find(jdbi, "BOB@example.com")).isEqualTo(older);
        assertThat(find(jdbi, "ALICE@example.com")).isEqualTo(alone);

        assertThatThrownBy(() -> insert(jdbi, "BOB@example.com", "bob_third", "2026-01-01T00:00:00Z"))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("users_email_lower_key");
        assertThatThrownBy(() -> insert(jdbi, "Alice@example.com", "alice_two", "2026-01-01T00:00:00Z"))
                .hasMessageContaining("users_email_lower_key");
    }

    private static void migrate(DbSettings db, MigrationVersion target) {
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas(db.schema())
                .defaultSchema(db.schema())
                .createSchemas(false)
                .locations("classpath:db/migration/" + db.schema())
                .target(target)
                .load()
                .migrate();
    }

    private static UUID insert(Jdbi jdbi, String email, String username, String createdAt) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO auth.users (id, email, username, created_at) "
                        + "VALUES (:id, :email, :username, CAST(:at AS timestamptz))")
                .bind("id", id)
                .bind("email", email)
                .bind("username", username)
                .bind("at", createdAt)
                .execute());
        return id;
    }

    private static UUID find(Jdbi jdbi, String email) {
        return jdbi.withHandle(h -> {
            h.execute("SET search_path TO auth");
            return h.attach(UserRepository.class)
                    .findByEmail(email)
                    .orElseThrow()
                    .id();
        });
    }
}
