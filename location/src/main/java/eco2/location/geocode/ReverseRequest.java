package eco2.location.geocode;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import eco2.location.geo.Coordinates;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /reverse: a position. */
public record ReverseRequest(double latitude, double longitude) implements Validated {
    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(!Coordinates.validLatitude(latitude), "latitude", "must be between -90 and 90");
        errors.check(!Coordinates.validLongitude(longitude), "longitude", "must be between -180 and 180");
    }
}
