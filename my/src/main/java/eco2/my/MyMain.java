package eco2.my;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs my on its own: {@code java -jar my/target/my.jar}. */
public final class MyMain {
  public static final int DEFAULT_PORT = 8082;

  private MyMain() {}

  public static void main(String[] args) {
    Standalone.run("Eco² my", Env.system(), DEFAULT_PORT, infra -> new MyModule());
  }
}
