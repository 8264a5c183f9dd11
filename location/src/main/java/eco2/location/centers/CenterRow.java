package eco2.location.centers;

import java.util.List;

/** A centre as imported; (source, sourceId) names it across imports. */
public record CenterRow(
        String source,
        String sourceId,
        String name,
        String region,
        String district,
        String roadAddress,
        String lotAddress,
        String locationDetail,
        double latitude,
        double longitude,
        String phone,
        OpeningHours hours,
        List<String> acceptedItems,
        String notes,
        String homepageUrl) {
    public CenterRow {
        acceptedItems = List.copyOf(acceptedItems);
    }

    /** For binding to text[]: JDBI binds arrays, not lists. */
    public String[] acceptedItemsArray() {
        return acceptedItems.toArray(String[]::new);
    }
}
