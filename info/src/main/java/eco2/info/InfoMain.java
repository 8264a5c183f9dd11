package eco2.info;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;

/** Runs info on its own: {@code java -jar info/target/info.jar}. */
public final class InfoMain {
    /** The title of the OpenAPI document this process serves. */
    public static final String TITLE = "Eco² info";

    private InfoMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        InfoConfig config = InfoConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), InfoModule.EXTENSIONS)) {
            QueueBinding.declareAll(config.amqp(), "info", InfoModule.queues(config));
            return;
        }
        Standalone.run(TITLE, env, InfoConfig.DEFAULT_PORT, infra -> InfoModule.create(config, infra));
    }
}
