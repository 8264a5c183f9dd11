package eco2.location.kakao;

/** The best match of an address search: Kakao's {@code address_name}, road address (may be null) and position. */
public record KakaoAddress(String address, String roadAddress, double latitude, double longitude) {}
