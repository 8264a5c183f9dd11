package eco2.location.geocode;

/** POST /geocode: where an address is; {@code road_address} is null when Kakao knows only the lot address. */
public record GeocodeResult(double latitude, double longitude, String address, String roadAddress) {}
