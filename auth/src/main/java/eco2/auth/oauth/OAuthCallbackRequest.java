package eco2.auth.oauth;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/**
 * Body of {@code POST /oauth/{provider}/callback}: what the provider put on the redirect URI, and the binding from
 * {@code GET /oauth/{provider}} (apps send it here; browsers may rely on the cookie instead).
 */
public record OAuthCallbackRequest(String code, String state, String binding) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(code == null || code.isBlank(), "code", "is required");
        errors.check(code != null && code.length() > 2048, "code", "must be at most 2048 characters");
        errors.check(state == null || state.isBlank(), "state", "is required");
        errors.check(state != null && state.length() > 128, "state", "must be at most 128 characters");
        errors.check(
                binding != null && (binding.isBlank() || binding.length() > 128),
                "binding",
                "must be the binding from the start of the sign-in");
    }
}
