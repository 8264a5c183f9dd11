package eco2.location.geocode;

/** POST /reverse: what a position is called; region is the 시/도 and district the 시/군/구. */
public record ReverseResult(String address, String roadAddress, String region, String district) {}
