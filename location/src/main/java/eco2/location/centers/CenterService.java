package eco2.location.centers;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.location.geo.ExpandingSearch;
import eco2.location.geo.GeoPoint;
import eco2.location.geo.Haversine;
import eco2.location.geo.SearchWindow;
import eco2.location.kakao.KakaoException;
import eco2.location.kakao.KakaoLocalClient;
import eco2.location.kakao.KakaoPlace;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Centres near a point (database plus Kakao's "재활용센터" places when a key is set) and centres of a region.
 * Answers are cached: nearby ones for an hour under {@code location:centers:near:{lat}:{lon}:{radius}:{item}:{limit}},
 * region pages for a day under {@code location:centers:{region}:{item}:{page}:{size}}; imports invalidate both.
 * When Kakao fails the database part is served, and not cached, so the next request tries Kakao again.
 */
public final class CenterService {
    static final String KAKAO_KEYWORD = "재활용센터";

    private final Jdbi jdbi;
    private final KakaoLocalClient kakao;
    private final DocumentCache nearbyCache;
    private final DocumentCache regionCache;
    private final ObjectMapper mapper;

    public CenterService(
            Jdbi jdbi,
            KakaoLocalClient kakao,
            DocumentCache nearbyCache,
            DocumentCache regionCache,
            ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.kakao = kakao;
        this.nearbyCache = nearbyCache;
        this.regionCache = regionCache;
        this.mapper = mapper;
    }

    /** Kakao knows nothing about accepted items, so an item filter asks the database only. */
    public String nearbyJson(GeoPoint point, int radius, String item, int limit) {
        GeoPoint centre = point.rounded(GeoPoint.SEARCH_DECIMALS);
        DocumentCache.Lookup cached = nearbyCache.get(
                centre.key(GeoPoint.SEARCH_DECIMALS) + ":" + radius + ":" + (item == null ? "*" : item) + ":" + limit);
        if (cached.hit()) return cached.document();
        List<Center> database = nearestInDatabase(centre, radius, item, limit);
        List<Center> merged = database;
        boolean complete = true;
        if (item == null && kakao.configured()) {
            try {
                merged = CenterMerge.merge(database, kakaoNear(centre, radius), limit);
            } catch (KakaoException e) {
                complete = false; // already logged by the client; the database answer still helps
            }
        }
        String json = Json.write(mapper, new NearbyCenters(merged));
        if (complete) nearbyCache.fill(cached, json);
        return json;
    }

    public String regionJson(RegionFilter region, String item, int page, int size) {
        String[] districts = region.districts().toArray(String[]::new);
        return regionCache.read(
                region.key() + ":" + (item == null ? "*" : item) + ":" + page + ":" + size,
                () -> Json.write(
                        mapper,
                        jdbi.withExtension(
                                CenterRepository.class,
                                repo -> new CenterPage(
                                        repo.inRegion(
                                                region.province(), districts, item, size, (long) (page - 1) * size),
                                        repo.countInRegion(region.province(), districts, item),
                                        page,
                                        size))));
    }

    List<Center> nearestInDatabase(GeoPoint centre, int radius, String item, int limit) {
        return jdbi.withExtension(
                CenterRepository.class,
                repo -> ExpandingSearch.nearest(radius, limit, window -> {
                    SearchWindow box = SearchWindow.around(centre, window);
                    return box.allLongitudes()
                            ? repo.nearInBand(
                                    centre.latitude(),
                                    centre.longitude(),
                                    box.minLat(),
                                    box.maxLat(),
                                    item,
                                    window,
                                    limit)
                            : repo.nearInCells(
                                    centre.latitude(),
                                    centre.longitude(),
                                    box.minLat(),
                                    box.maxLat(),
                                    box.cells(),
                                    item,
                                    window,
                                    limit);
                }));
    }

    private List<Center> kakaoNear(GeoPoint centre, int radius) {
        return kakao.searchKeyword(KAKAO_KEYWORD, centre, radius).stream()
                .map(place -> fromKakao(place, centre))
                .filter(c -> c.distanceM() <= radius)
                .toList();
    }

    private static Center fromKakao(KakaoPlace place, GeoPoint centre) {
        Regions.Place where = Regions.fromAddress(place.address());
        String address = place.roadAddress() != null ? place.roadAddress() : place.address();
        return new Center(
                "kakao:" + place.id(),
                "kakao",
                place.name(),
                where.region(),
                where.district(),
                address,
                place.roadAddress(),
                place.address(),
                null,
                place.latitude(),
                place.longitude(),
                place.phone(),
                null,
                List.of(),
                null,
                place.placeUrl(),
                Haversine.rounded(centre.metresTo(place.latitude(), place.longitude())));
    }
}
