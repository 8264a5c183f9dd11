package eco2.workers;

import eco2.common.http.ServiceModule;
import io.javalin.Javalin;

/** Placeholder for the workers service (schema scan, chat, character): mounted everywhere, no routes of its own yet. */
public final class WorkersModule implements ServiceModule {
  @Override
  public String name() {
    return "workers";
  }

  @Override
  public void routes(Javalin app) {
    // Its API (see API.md) arrives with its own issue; until then only the shared ops endpoints answer.
  }
}
