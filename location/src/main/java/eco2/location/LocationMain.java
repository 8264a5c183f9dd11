package eco2.location;

import eco2.common.config.Env;
import eco2.common.http.Standalone;

/** Runs location on its own: {@code java -jar location/target/location.jar}. */
public final class LocationMain {
  private LocationMain() {}

  public static void main(String[] args) {
    Env env = Env.system();
    LocationConfig config = LocationConfig.fromEnv(env);
    Standalone.run("Eco² location", env, LocationConfig.DEFAULT_PORT, infra -> LocationModule.create(config, infra));
  }
}
