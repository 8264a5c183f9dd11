package eco2.auth.apikeys;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of the internal lookup: a key's prefix and the SHA-256 (hex) of the whole key. */
public record LookupRequest(String prefix, String keySha256) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(prefix == null || prefix.isBlank() || prefix.length() > 64, "prefix", "is required");
        errors.check(keySha256 == null || keySha256.length() != 64, "key_sha256", "must be 64 hex characters");
    }
}
