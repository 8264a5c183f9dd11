package eco2.workers.character;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for characters: the public catalogue and the caller's collection. */
public final class CharacterHandler {
    private final CharacterService characters;
    private final Authenticator auth;

    public CharacterHandler(CharacterService characters, Authenticator auth) {
        this.characters = characters;
        this.auth = auth;
    }

    /** {@code curl 'localhost:8085/api/v1/characters?page=1&size=20'} */
    @OpenApi(
            path = "/api/v1/characters",
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "characters",
            operationId = "listCharacters",
            summary = "List characters",
            description = "The catalogue of collectible characters and how to unlock each",
            queryParams = {
                @OpenApiParam(name = "page", type = Integer.class, description = "from 1, default 1"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-100, default 20")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CharacterPage.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void catalogue(Context ctx) {
        FieldErrors errors = new FieldErrors();
        int page = QueryParams.intInRange(ctx, "page", 1, 1, 10_000, errors);
        int size = QueryParams.intInRange(ctx, "size", 20, 1, 100, errors);
        errors.throwIfAny();
        ctx.json(new CharacterPage(characters.page(size, (page - 1) * size), characters.count(), page, size));
    }

    /** {@code curl localhost:8085/api/v1/characters/me -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/characters/me",
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "characters",
            operationId = "listMyCharacters",
            summary = "List my characters",
            description = "The characters the caller has unlocked, with when and how",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OwnedList.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void mine(Context ctx) {
        ctx.json(new OwnedList(characters.owned(auth.require(ctx).userId())));
    }
}
