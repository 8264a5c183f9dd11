package eco2.location;

import eco2.common.http.ServiceModule;
import io.javalin.Javalin;

/** Placeholder for the location service (schema locations): mounted everywhere, no routes of its own yet. */
public final class LocationModule implements ServiceModule {
  @Override
  public String name() {
    return "location";
  }

  @Override
  public void routes(Javalin app) {
    // Its API (see API.md) arrives with its own issue; until then only the shared ops endpoints answer.
  }
}
