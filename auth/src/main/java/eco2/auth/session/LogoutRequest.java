package eco2.auth.session;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Optional body of POST /logout. */
public record LogoutRequest(String refreshToken) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(
                refreshToken != null && (refreshToken.isBlank() || refreshToken.length() > 512),
                "refresh_token",
                "must be a refresh token");
    }
}
