package eco2.location.centers;

import java.util.List;

/** GET /centers?lat&lon: the nearest centres first, database and (when configured) Kakao together. */
public record NearbyCenters(List<Center> items) {}
