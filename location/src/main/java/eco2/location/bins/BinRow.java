package eco2.location.bins;

/** A bin as imported: (source, sourceId) names it across imports; binType is the wire name. */
public record BinRow(
        String source,
        String sourceId,
        String name,
        String address,
        double latitude,
        double longitude,
        String binType,
        String region) {}
