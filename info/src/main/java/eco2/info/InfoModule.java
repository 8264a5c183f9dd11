package eco2.info;

import eco2.common.http.ServiceModule;
import io.javalin.Javalin;

/** Placeholder for the info service (schema recycle_info): mounted everywhere, no routes of its own yet. */
public final class InfoModule implements ServiceModule {
  @Override
  public String name() {
    return "info";
  }

  @Override
  public void routes(Javalin app) {
    // Its API (see API.md) arrives with its own issue; until then only the shared ops endpoints answer.
  }
}
