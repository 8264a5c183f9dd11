package eco2.workers;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;
import java.util.List;

/** Runs workers on its own: {@code java -jar workers/target/workers.jar}. */
public final class WorkersMain {
    private WorkersMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        WorkersConfig config = WorkersConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), List.of())) {
            MigrateCommand.runIfAsked(args, config.scan().scanDb(), List.of());
            MigrateCommand.runIfAsked(args, config.scan().characterDb(), List.of());
            MigrateCommand.runIfAsked(args, config.chat().db(), List.of());
            QueueBinding.declareAll(config.amqp(), "workers", WorkersModule.queues(config));
            return;
        }
        Standalone.run(env, config.http(), infra -> WorkersApp.create(config, infra));
    }
}
