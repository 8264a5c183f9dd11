package eco2.my;

import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Standalone;
import java.util.List;

/** Runs my on its own: {@code java -jar my/target/my.jar}. */
public final class MyMain {
    private MyMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        MyConfig config = MyConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), List.of())) {
            QueueBinding.declareAll(config.amqp(), "my", MyModule.queues(config));
            return;
        }
        Standalone.run(env, config.http(), infra -> MyApp.create(config, infra));
    }
}
