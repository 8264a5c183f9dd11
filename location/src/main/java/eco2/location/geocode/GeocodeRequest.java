package eco2.location.geocode;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;
import java.text.Normalizer;
import java.util.Locale;

/** Body of POST /geocode: a free-form address, 1-200 characters. */
public record GeocodeRequest(String address) implements Validated {
    public static final int MAX_LENGTH = 200;

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        if (errors.check(address == null || address.isBlank(), "address", "is required")) return;
        String trimmed = address.strip();
        errors.check(
                trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH,
                "address",
                "must be at most " + MAX_LENGTH + " characters");
        errors.check(
                trimmed.codePoints().anyMatch(Character::isISOControl),
                "address",
                "must not contain control characters");
    }

    /** One spelling per address for the cache key and the provider: NFC, single spaces, lower case. */
    @OpenApiIgnore
    public String normalised() {
        return Normalizer.normalize(address, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
