package eco2.location.centers;

import java.util.List;

/** GET /centers?region=: one page of the region's centres (the catalogue shape of API.md). */
public record CenterPage(List<Center> items, long total, int page, int size) {}
