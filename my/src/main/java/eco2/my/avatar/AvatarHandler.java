package eco2.my.avatar;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.Invalid;
import eco2.common.error.NotFound;
import eco2.common.error.PayloadTooLarge;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

/** HTTP for avatars: upload your own, fetch anyone's. */
public final class AvatarHandler {
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final AvatarService avatars;
    private final Authenticator auth;

    public AvatarHandler(AvatarService avatars, Authenticator auth) {
        this.avatars = avatars;
        this.auth = auth;
    }

    /** {@code curl -XPOST localhost:8082/api/v1/users/me/avatar -F file=@me.png -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/me/avatar",
            methods = HttpMethod.POST,
            versions = "my",
            tags = "my",
            operationId = "uploadMyAvatar",
            summary = "Upload my avatar",
            description = "Upload an avatar (multipart field file: PNG, JPEG or WebP by content, up to 5 MiB and 16 "
                    + "megapixels); resized later, and the files of the avatar it replaces are then deleted. 10 "
                    + "uploads an hour per user.",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            description = "multipart/form-data with the image in field file",
                            content =
                                    @OpenApiContent(
                                            type = "multipart/form-data",
                                            properties =
                                                    @OpenApiContentProperty(
                                                            name = "file",
                                                            type = "string",
                                                            format = "binary"))),
            responses = {
                @OpenApiResponse(status = "202"),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void upload(Context ctx) {
        Principal caller = auth.require(ctx);
        if (ctx.contentLength() > MAX_BYTES + 64 * 1024) throw tooLarge();
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw Invalid.of("file", "send the image as multipart/form-data field file");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (IllegalStateException e) {
            throw tooLarge(); // Jetty's multipart limit, for uploads without a Content-Length
        }
        if (file == null) throw Invalid.of("file", "is required");
        if (file.size() > MAX_BYTES) throw tooLarge();
        avatars.upload(caller.userId(), caller.username(), readAll(file));
        ctx.status(202).json(Map.of("status", "processing"));
    }

    /** {@code curl localhost:8082/api/v1/users/<id>/avatar -o avatar.png} */
    @OpenApi(
            path = "/api/v1/users/{id}/avatar",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getAvatar",
            summary = "Get a user's avatar",
            description = "The avatar image of a user, cached by clients for 5 minutes; 404 when the user has none (or "
                    + "the id is not a UUID).",
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(mimeType = "image/png", type = "string", format = "binary")),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        UUID userId;
        try {
            userId = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new NotFound("No avatar");
        }
        AvatarService.Image image = avatars.avatarOf(userId);
        ctx.header("Cache-Control", "public, max-age=300")
                .contentType(image.contentType())
                .result(image.bytes());
    }

    private static byte[] readAll(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw Invalid.of("file", "could not be read");
        }
    }

    private static PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("Images are limited to 5 MiB");
    }
}
