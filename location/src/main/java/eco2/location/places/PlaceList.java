package eco2.location.places;

import java.util.List;

/** GET /me: the caller's places, the default first, then oldest first. */
public record PlaceList(List<Place> items) {}
