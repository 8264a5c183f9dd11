package eco2.location.centers;

import java.util.List;

/**
 * A recycling centre as the API shows it. {@code id} is {@code source:source_id} (e.g. {@code keco:12},
 * {@code kakao:2061237}), stable across re-imports. {@code address} is the road address when there is one.
 * {@code url} is the operator's page (KECO) or Kakao's place page. Kakao results carry no hours or accepted items;
 * {@code distance_m} is null in region listings.
 */
public record Center(
        String id,
        String source,
        String name,
        String region,
        String district,
        String address,
        String roadAddress,
        String lotAddress,
        String locationDetail,
        double latitude,
        double longitude,
        String phone,
        OpeningHours hours,
        List<String> acceptedItems,
        String notes,
        String url,
        Double distanceM) {}
