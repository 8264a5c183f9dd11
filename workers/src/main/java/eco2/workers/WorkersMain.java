package eco2.workers;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs workers on its own: {@code java -jar workers/target/workers.jar}. */
public final class WorkersMain {
  public static final int DEFAULT_PORT = 8085;

  private WorkersMain() {}

  public static void main(String[] args) {
    Standalone.run("Eco² workers", Env.system(), DEFAULT_PORT, infra -> new WorkersModule());
  }
}
