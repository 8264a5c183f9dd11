package eco2.location.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.location.geo.GeoPoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Kakao Local calls location needs: address search, coordinates to address, keyword search. Each call
 * has the configured connect timeout and a read timeout for the whole answer; every failure becomes a
 * {@link KakaoException} of a known kind. The key is sent as {@code Authorization: KakaoAK <key>} and never logged.
 */
public final class KakaoLocalClient {
    public static final String KEY_SETTING = "KAKAO_REST_API_KEY";
    private static final Logger log = LoggerFactory.getLogger(KakaoLocalClient.class);
    /** Kakao's largest page for keyword search. */
    static final int KEYWORD_PAGE = 15;

    private final KakaoSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public KakaoLocalClient(KakaoSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The best match for a free-form address, if any. */
    public Optional<KakaoAddress> searchAddress(String query) {
        JsonNode documents = call("/v2/local/search/address.json", params("query", query, "size", "1"));
        if (documents.isEmpty()) return Optional.empty();
        JsonNode first = documents.get(0);
        return Optional.of(new KakaoAddress(
                text(first, "address_name"),
                text(first.path("road_address"), "address_name"),
                number(first, "y"),
                number(first, "x")));
    }

    /** The lot and road address of a position, if Kakao knows one (it does not outside Korea). */
    public Optional<KakaoRegionAddress> coordToAddress(GeoPoint point) {
        JsonNode documents = call(
                "/v2/local/geo/coord2address.json",
                params("x", decimal(point.longitude()), "y", decimal(point.latitude())));
        if (documents.isEmpty()) return Optional.empty();
        JsonNode lot = documents.get(0).path("address");
        JsonNode road = documents.get(0).path("road_address");
        JsonNode regions = lot.isObject() ? lot : road;
        return Optional.of(new KakaoRegionAddress(
                text(lot, "address_name"),
                text(road, "address_name"),
                text(regions, "region_1depth_name"),
                text(regions, "region_2depth_name")));
    }

    /** Places matching {@code query} within {@code radius} metres (at most 20 km), nearest first: one page of 15. */
    public List<KakaoPlace> searchKeyword(String query, GeoPoint centre, int radius) {
        JsonNode documents = call(
                "/v2/local/search/keyword.json",
                params(
                        "query",
                        query,
                        "x",
                        decimal(centre.longitude()),
                        "y",
                        decimal(centre.latitude()),
                        "radius",
                        Integer.toString(Math.min(radius, 20_000)),
                        "sort",
                        "distance",
                        "size",
                        Integer.toString(KEYWORD_PAGE)));
        List<KakaoPlace> places = new ArrayList<>();
        for (JsonNode doc : documents) {
            places.add(new KakaoPlace(
                    text(doc, "id"),
                    text(doc, "place_name"),
                    text(doc, "address_name"),
                    text(doc, "road_address_name"),
                    number(doc, "y"),
                    number(doc, "x"),
                    text(doc, "phone"),
                    text(doc, "place_url")));
        }
        return places;
    }

    private JsonNode call(String path, Map<String, String> params) {
        if (!configured()) throw new KakaoException(KakaoException.Kind.NOT_CONFIGURED, KEY_SETTING + " is not set");
        URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + path + "?" + query(params));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Authorization", "KakaoAK " + settings.restApiKey())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = send(request, path);
        int status = response.statusCode();
        if (status == 401 || status == 403) throw failure(KakaoException.Kind.REJECTED, path, status);
        if (status == 429) throw failure(KakaoException.Kind.RATE_LIMITED, path, status);
        if (status != 200) throw failure(KakaoException.Kind.PROVIDER_ERROR, path, status);
        try {
            JsonNode documents = mapper.readTree(response.body()).path("documents");
            if (!documents.isArray()) throw new IOException("no documents array");
            return documents;
        } catch (IOException e) {
            throw failure(KakaoException.Kind.PROVIDER_ERROR, path, status);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw failure(KakaoException.Kind.UNREACHABLE, path, 0);
        } catch (HttpTimeoutException e) {
            throw failure(KakaoException.Kind.TIMEOUT, path, 0);
        } catch (IOException e) {
            throw failure(KakaoException.Kind.UNREACHABLE, path, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(KakaoException.Kind.UNREACHABLE, path, 0);
        }
    }

    private static KakaoException failure(KakaoException.Kind kind, String path, int status) {
        log.warn("kakao {} failed: {}{}", path, kind, status > 0 ? " (HTTP " + status + ")" : "");
        return new KakaoException(kind, path + ": " + kind + (status > 0 ? " HTTP " + status : ""));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) params.put(pairs[i], pairs[i + 1]);
        return params;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.7f", value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Kakao sends coordinates as strings ("126.97"); anything unparseable is the provider's fault. */
    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        try {
            if (value.isNumber()) return value.asDouble();
            if (value.isTextual()) return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new KakaoException(KakaoException.Kind.PROVIDER_ERROR, "field " + field + " is not a coordinate");
    }
}
