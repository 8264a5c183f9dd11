package eco2.my;

import eco2.common.http.ServiceModule;
import io.javalin.Javalin;

/** Placeholder for the my service (schema users): mounted everywhere, no routes of its own yet. */
public final class MyModule implements ServiceModule {
  @Override
  public String name() {
    return "my";
  }

  @Override
  public void routes(Javalin app) {
    // Its API (see API.md) arrives with its own issue; until then only the shared ops endpoints answer.
  }
}
