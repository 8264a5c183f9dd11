package eco2.auth.account;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /register. */
public record RegisterRequest(String email, String username, String password, String inviteCode) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        Credentials.checkEmail(errors, "email", email);
        Credentials.checkUsername(errors, "username", username);
        Credentials.checkPassword(errors, "password", password);
        errors.check(
                inviteCode != null && (inviteCode.isBlank() || inviteCode.length() > 32),
                "invite_code",
                "must be 1-32 characters");
    }
}
