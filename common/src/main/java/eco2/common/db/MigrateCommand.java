package eco2.common.db;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar <service>.jar migrate}: bootstrap (when enabled) and Flyway, then exit, so a Kubernetes Job
 * can migrate a schema before the new pods roll out. Services also migrate at start-up; both are idempotent.
 */
public final class MigrateCommand {
    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    private MigrateCommand() {}

    /** Runs the migrations and returns true when the arguments ask for it; false means: start the service. */
    public static boolean runIfAsked(String[] args, DbSettings db, List<String> extensions) {
        if (args.length == 0 || !args[0].equals("migrate")) return false;
        Database.open(db, new SimpleMeterRegistry(), extensions).close(); // opening is what migrates
        log.info("schema {} is migrated", db.schema());
        return true;
    }
}
