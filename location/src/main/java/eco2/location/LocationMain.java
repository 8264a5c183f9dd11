package eco2.location;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;
import java.util.List;

/** Runs location on its own: {@code java -jar location/target/location.jar}. */
public final class LocationMain {
    /** The title of the OpenAPI document this process serves. */
    public static final String TITLE = "Eco² location";

    private LocationMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        LocationConfig config = LocationConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), List.of())) {
            QueueBinding.declareAll(config.amqp(), "location", LocationModule.queues(config));
            return;
        }
        Standalone.run(TITLE, env, LocationConfig.DEFAULT_PORT, infra -> LocationModule.create(config, infra));
    }
}
