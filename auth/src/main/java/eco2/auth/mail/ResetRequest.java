package eco2.auth.mail;

import eco2.auth.account.Credentials;
import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of {@code POST /reset-password/request}. */
public record ResetRequest(String email) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        Credentials.checkEmail(errors, "email", email);
    }
}
