package eco2.location;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;
import java.util.List;

/** Runs location on its own: {@code java -jar location/target/location.jar}. */
public final class LocationMain {
    private LocationMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        LocationConfig config = LocationConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), List.of())) {
            QueueBinding.declareAll(config.amqp(), "location", LocationModule.queues(config));
            return;
        }
        Standalone.run(env, config.http(), infra -> LocationApp.create(config, infra));
    }
}
