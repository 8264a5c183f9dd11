package eco2.info;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;

/** Runs info on its own: {@code java -jar info/target/info.jar}. */
public final class InfoMain {
    private InfoMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        InfoConfig config = InfoConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), InfoModule.EXTENSIONS)) {
            QueueBinding.declareAll(config.amqp(), "info", InfoModule.queues(config));
            return;
        }
        Standalone.run(env, config.http(), infra -> InfoApp.create(config, infra));
    }
}
