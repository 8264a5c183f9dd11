package eco2.auth.apikeys;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import eco2.common.security.ApiTier;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /api-keys: a name to recognise the key by, and a tier (free unless given). */
public record CreateKeyRequest(String name, String tier) implements Validated {
    static final int MAX_NAME = 100;

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(
                name == null || name.isBlank() || name.strip().length() > MAX_NAME,
                "name",
                "must be 1-" + MAX_NAME + " characters");
        errors.check(tier != null && ApiTier.parse(tier).isEmpty(), "tier", "must be one of free, pro, enterprise");
    }

    @OpenApiIgnore // a helper, not a field: without this the spec advertises it and the server refuses it
    ApiTier tierOrFree() {
        return tier == null ? ApiTier.FREE : ApiTier.parse(tier).orElseThrow();
    }
}
