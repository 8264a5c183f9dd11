package eco2.info;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs info on its own: {@code java -jar info/target/info.jar}. */
public final class InfoMain {
  public static final int DEFAULT_PORT = 8084;

  private InfoMain() {}

  public static void main(String[] args) {
    Standalone.run("Eco² info", Env.system(), DEFAULT_PORT, infra -> new InfoModule());
  }
}
