package eco2.location;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs location on its own: {@code java -jar location/target/location.jar}. */
public final class LocationMain {
  public static final int DEFAULT_PORT = 8083;

  private LocationMain() {}

  public static void main(String[] args) {
    Standalone.run("Eco² location", Env.system(), DEFAULT_PORT, infra -> new LocationModule());
  }
}
