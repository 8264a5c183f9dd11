package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthMain;
import eco2.info.InfoMain;
import eco2.location.LocationMain;
import eco2.my.MyMain;
import eco2.workers.WorkersMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code <service> migrate} in production with a secret missing stops with a message naming it, before it tries
 * the database: the database URL here points at a closed port, so a migrate that ran first would fail on the
 * connection instead.
 */
class MigrateNeedsCompleteConfigIT {

    @ParameterizedTest
    @ValueSource(classes = {AuthMain.class, MyMain.class, LocationMain.class, InfoMain.class, WorkersMain.class})
    void migrateNamesTheMissingSecretBeforeTouchingTheDatabase(Class<?> main) throws Exception {
        Path log = Files.createTempFile("migrate", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        "migrate")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ECO2_ENV", "production");
        builder.environment().put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/eco2");
        builder.environment().remove("DB_PASSWORD");
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("ECO2_ENV=production but these secrets are not set")
                .contains("DB_PASSWORD")
                .doesNotContain("Connection refused");
    }
}
