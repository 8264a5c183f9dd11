package eco2.auth.mail;

import eco2.auth.account.Credentials;
import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of {@code POST /reset-password}: the token from the mailed link and the new password. */
public record NewPasswordRequest(String token, String newPassword) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        TokenRequest.checkToken(errors, token);
        Credentials.checkPassword(errors, "new_password", newPassword);
    }

    @Override
    public String toString() { // never log a password
        return "NewPasswordRequest[token=***, newPassword=***]";
    }
}
