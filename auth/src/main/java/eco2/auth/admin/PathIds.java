package eco2.auth.admin;

import eco2.common.error.NotFound;
import io.javalin.http.Context;
import java.util.UUID;

/** A UUID path parameter of a panel page; anything else is a 404 page, as for an id that does not exist. */
final class PathIds {
    private PathIds() {}

    static UUID uuid(Context ctx, String name, String notFound) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw new NotFound(notFound);
        }
    }
}
