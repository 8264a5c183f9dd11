package eco2.auth.mail;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of {@code POST /verify-email}: the token from the mailed link. */
public record TokenRequest(String token) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        checkToken(errors, token);
    }

    static void checkToken(FieldErrors errors, String token) {
        if (token == null || token.isBlank()) errors.add("token", "is required");
        else errors.check(token.length() > 128, "token", "must be at most 128 characters");
    }
}
