package eco2.auth.session;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /refresh. */
public record RefreshRequest(String refreshToken) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(refreshToken == null || refreshToken.isBlank(), "refresh_token", "is required");
        errors.check(refreshToken != null && refreshToken.length() > 512, "refresh_token", "is too long");
    }
}
