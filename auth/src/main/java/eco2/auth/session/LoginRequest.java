package eco2.auth.session;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /login; {@code email} may also hold a username. */
public record LoginRequest(String email, String password) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(email == null || email.isBlank(), "email", "is required");
        errors.check(email != null && email.length() > 254, "email", "must be at most 254 characters");
        errors.check(password == null || password.isEmpty(), "password", "is required");
        errors.check(password != null && password.length() > 1024, "password", "must be at most 1024 characters");
    }
}
