package eco2.location.geocode;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.NotFound;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.location.geo.GeoPoint;
import eco2.location.kakao.KakaoException;
import eco2.location.kakao.KakaoLocalClient;
import java.util.function.Supplier;

/**
 * Address ↔ position through Kakao, each answer cached for 24 hours: {@code geocode:{normalised address}} and
 * {@code location:reverse:{lat}:{lon}} (5 decimals, about 1 m). Misses are not cached, so a place Kakao learns
 * about is found on the next try.
 */
public final class GeocodeService {
    /** Reverse geocoding works on 5 decimals: finer than a building, coarse enough to share entries. */
    static final int REVERSE_DECIMALS = 5;

    private final KakaoLocalClient kakao;
    private final DocumentCache geocodes;
    private final DocumentCache reverses;
    private final ObjectMapper mapper;

    public GeocodeService(KakaoLocalClient kakao, DocumentCache geocodes, DocumentCache reverses, ObjectMapper mapper) {
        this.kakao = kakao;
        this.geocodes = geocodes;
        this.reverses = reverses;
        this.mapper = mapper;
    }

    public String geocodeJson(GeocodeRequest request) {
        String address = request.normalised();
        return geocodes.read(
                address,
                () -> Json.write(
                        mapper,
                        provider(() -> kakao.searchAddress(address))
                                .map(found -> new GeocodeResult(
                                        found.latitude(), found.longitude(), found.address(), found.roadAddress()))
                                .orElseThrow(() -> new NotFound("No place matches this address"))));
    }

    public String reverseJson(ReverseRequest request) {
        GeoPoint point = new GeoPoint(request.latitude(), request.longitude()).rounded(REVERSE_DECIMALS);
        return reverses.read(
                point.key(REVERSE_DECIMALS),
                () -> Json.write(
                        mapper,
                        provider(() -> kakao.coordToAddress(point))
                                .map(found -> new ReverseResult(
                                        found.address(), found.roadAddress(), found.region(), found.district()))
                                .orElseThrow(() -> new NotFound("No address is known at this position"))));
    }

    private static <T> T provider(Supplier<T> call) {
        try {
            return call.get();
        } catch (KakaoException e) {
            throw e.toApiException();
        }
    }
}
