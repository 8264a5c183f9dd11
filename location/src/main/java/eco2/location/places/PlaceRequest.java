package eco2.location.places;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import eco2.location.geo.Coordinates;
import io.javalin.openapi.OpenApiIgnore;

/**
 * Body of POST /me and PUT /me/{id}: name 1-50 characters, address up to 200 (optional), a position, and
 * optionally is_default. PUT replaces name, address and position; is_default true makes the place the default,
 * absent keeps it as it is, and false is refused on the current default (make another place the default instead).
 */
public record PlaceRequest(String name, String address, double latitude, double longitude, Boolean isDefault)
        implements Validated {
    public static final int MAX_NAME = 50;
    public static final int MAX_ADDRESS = 200;

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        String trimmed = trimmedName();
        int length = trimmed == null ? 0 : trimmed.codePointCount(0, trimmed.length());
        errors.check(length < 1 || length > MAX_NAME, "name", "must be 1-" + MAX_NAME + " characters");
        errors.check(
                trimmed != null && trimmed.codePoints().anyMatch(Character::isISOControl),
                "name",
                "must not contain control characters");
        if (address != null) {
            errors.check(
                    address.strip().codePointCount(0, address.strip().length()) > MAX_ADDRESS,
                    "address",
                    "must be at most " + MAX_ADDRESS + " characters");
            errors.check(
                    address.codePoints().anyMatch(Character::isISOControl),
                    "address",
                    "must not contain control characters");
        }
        errors.check(!Coordinates.validLatitude(latitude), "latitude", "must be between -90 and 90");
        errors.check(!Coordinates.validLongitude(longitude), "longitude", "must be between -180 and 180");
    }

    @OpenApiIgnore
    public String trimmedName() {
        return name == null ? null : name.strip();
    }

    /** Blank means no address. */
    @OpenApiIgnore
    public String trimmedAddress() {
        return address == null || address.isBlank() ? null : address.strip();
    }
}
