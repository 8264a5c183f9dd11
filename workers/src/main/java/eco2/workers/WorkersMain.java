package eco2.workers;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs workers on its own: {@code java -jar workers/target/workers.jar}. */
public final class WorkersMain {
  private WorkersMain() {}

  public static void main(String[] args) {
    Env env = Env.system();
    WorkersConfig config = WorkersConfig.fromEnv(env);
    Standalone.run("Eco² workers", env, WorkersConfig.DEFAULT_PORT, infra -> WorkersModule.create(config, infra));
  }
}
