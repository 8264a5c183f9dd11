package eco2.location.bins;

/** One bin in a nearby search, with its great-circle distance from the (rounded) search point. */
public record Bin(
        long id,
        String name,
        String address,
        double latitude,
        double longitude,
        String binType,
        String region,
        double distanceM) {}
