package eco2.compose;

import eco2.auth.AuthConfig;
import eco2.common.config.Env;
import eco2.common.db.DbSettings;
import eco2.common.db.MigrateCommand;
import eco2.common.events.EventTable;
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.my.MyConfig;
import eco2.workers.WorkersConfig;
import eco2.workers.chat.ChatConfig;
import eco2.workers.scan.ScanConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compose stack's one-shot migrate step: with the admin connection (DB_BOOTSTRAP=true) it creates each
 * service's role and schema and runs that service's migrations, then exits, so the services can start as their
 * own roles with the bootstrap off, as in production.
 */
public final class MigrateAll {
    /** Schema → the extensions it needs created by the admin. */
    static final Map<String, List<String>> SCHEMAS = Map.of(
            "auth",
            List.of(),
            "users",
            List.of(),
            "locations",
            List.of(),
            "recycle_info",
            InfoModule.EXTENSIONS,
            "notification",
            List.of(),
            "scan",
            List.of(),
            "character",
            List.of(),
            "chat",
            List.of());

    /** Schema → the event tables its service declares (see {@link EventTable}). */
    static final Map<String, Set<EventTable>> EVENT_TABLES = Map.of(
            "auth", AuthConfig.EVENT_TABLES,
            "users", MyConfig.EVENT_TABLES,
            "locations", LocationConfig.EVENT_TABLES,
            "recycle_info", InfoConfig.EVENT_TABLES,
            "notification", WorkersConfig.EVENT_TABLES,
            "scan", ScanConfig.SCAN_EVENT_TABLES,
            "character", ScanConfig.CHARACTER_EVENT_TABLES,
            "chat", ChatConfig.EVENT_TABLES);

    private MigrateAll() {}

    public static void main(String[] args) {
        Env env = Env.system();
        Map<String, DbSettings> targets = new TreeMap<>();
        // Each role is named after its schema, as DbSettings defaults it; DB_USER would name one role for all.
        SCHEMAS.keySet().forEach(schema -> {
            DbSettings db = DbSettings.fromEnv(env, schema);
            targets.put(
                    schema,
                    new DbSettings(db.url(), schema, schema, db.password(), 2, true, db.adminUser(), db.adminPassword())
                            .withEventTables(EVENT_TABLES.get(schema)));
        });
        env.requireComplete();
        targets.forEach((schema, db) -> MigrateCommand.runIfAsked(new String[] {"migrate"}, db, SCHEMAS.get(schema)));
    }
}
