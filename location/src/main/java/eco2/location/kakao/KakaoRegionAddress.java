package eco2.location.kakao;

/** What a position is called: lot address, road address (may be null), 시/도 and 시/군/구. */
public record KakaoRegionAddress(String address, String roadAddress, String region, String district) {}
