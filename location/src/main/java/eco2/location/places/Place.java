package eco2.location.places;

import java.util.UUID;

/** A saved place, as stored and as the API shows it. */
public record Place(UUID id, String name, String address, double latitude, double longitude, boolean isDefault) {}
