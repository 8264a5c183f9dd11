package eco2.info.search;

import eco2.common.error.ApiException;
import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** HTTP for item search; open to everyone, a valid bearer token only adds the query to the caller's history. */
public final class SearchHandler {
    private final SearchService search;
    private final JsonBody json;
    private final Authenticator auth;

    public SearchHandler(SearchService search, JsonBody json, Authenticator auth) {
        this.search = search;
        this.json = json;
        this.auth = auth;
    }

    /**
     * {@code curl -XPOST localhost:8084/api/v1/recycle/items/search -H 'Content-Type: application/json'
     * -d '{"query":"페트"}'}
     */
    @OpenApi(
            path = "/api/v1/recycle/items/search",
            methods = HttpMethod.POST,
            versions = "info",
            tags = "info",
            operationId = "searchItems",
            summary = "Search items",
            description =
                    "Ranked search over names, keywords and descriptions; Korean substrings, small typos, spacing "
                            + ""
                            + "variants and English keywords match. A bearer token is optional: a signed-in caller's queries are kept "
                            + "in their history",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SearchRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = SearchResult.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void search(Context ctx) {
        SearchRequest request = json.read(ctx, SearchRequest.class);
        ctx.contentType("application/json").result(search.search(request, signedIn(ctx)));
    }

    /**
     * The caller's id when the token is valid and not revoked; otherwise the search runs anonymously rather than
     * failing, and nothing lands in anyone's history (also when Redis cannot confirm the token is not revoked).
     */
    private UUID signedIn(Context ctx) {
        if (auth.peek(ctx) == null) return null;
        try {
            return auth.require(ctx).userId();
        } catch (ApiException e) {
            return null;
        }
    }
}
