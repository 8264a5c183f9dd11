package eco2.location.kakao;

/** One keyword-search result ({@code documents[]} of search/keyword). */
public record KakaoPlace(
        String id,
        String name,
        String address,
        String roadAddress,
        double latitude,
        double longitude,
        String phone,
        String placeUrl) {}
