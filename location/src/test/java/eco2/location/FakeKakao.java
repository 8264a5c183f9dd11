package eco2.location;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Kakao Local API: the three endpoints location calls, answering the documented JSON
 * shapes (documents[], meta{total_count,...}, x/y as strings) or a scripted failure. It checks the
 * {@code Authorization: KakaoAK <key>} header like Kakao does (401 otherwise) and counts requests per path.
 */
public final class FakeKakao implements AutoCloseable {
    public static final String KEY = "test-kakao-key";
    public static final String ADDRESS = "/v2/local/search/address.json";
    public static final String COORD = "/v2/local/geo/coord2address.json";
    public static final String KEYWORD = "/v2/local/search/keyword.json";

    /** A scripted answer: status, body and a delay before anything is sent. */
    public record Reply(int status, String body, long delayMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"errorType\":\"Scripted\",\"message\":\"scripted failure\"}", 0);
        }

        public static Reply slow(long millis) {
            return new Reply(200, documents(List.of()), millis);
        }
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();

    public FakeKakao() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        for (String path : List.of(ADDRESS, COORD, KEYWORD)) server.createContext(path, this::handle);
        server.start();
        reset();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every path answers an empty document list, counts go back to zero. */
    public void reset() {
        for (String path : List.of(ADDRESS, COORD, KEYWORD)) {
            replies.put(path, Reply.ok(documents(List.of())));
            counts.put(path, new AtomicInteger());
        }
        queries.clear();
    }

    public void reply(String path, Reply reply) {
        replies.put(path, reply);
    }

    public int count(String path) {
        return counts.get(path).get();
    }

    /** The decoded query parameters of every request so far, in order. */
    public List<Map<String, String>> queries() {
        return List.copyOf(queries);
    }

    /** The {@code {documents:[...], meta:{...}}} envelope of every Kakao Local answer. */
    public static String documents(List<String> documents) {
        return "{\"meta\":{\"total_count\":" + documents.size() + ",\"pageable_count\":" + documents.size()
                + ",\"is_end\":true},\"documents\":[" + String.join(",", documents) + "]}";
    }

    /** One search/address.json document. */
    public static String addressDocument(String address, String road, double lat, double lon) {
        String roadJson = road == null
                ? "null"
                : "{\"address_name\":\"" + road + "\",\"region_1depth_name\":\"서울\","
                        + "\"region_2depth_name\":\"중구\",\"road_name\":\"세종대로\",\"zone_no\":\"04524\"}";
        return "{\"address_name\":\"" + address + "\",\"address_type\":\"ROAD_ADDR\",\"x\":\"" + lon + "\",\"y\":\""
                + lat
                + "\",\"address\":{\"address_name\":\"" + address + "\",\"region_1depth_name\":\"서울\","
                + "\"region_2depth_name\":\"중구\",\"x\":\"" + lon + "\",\"y\":\"" + lat + "\"},\"road_address\":"
                + roadJson + "}";
    }

    /** One geo/coord2address.json document. */
    public static String coordDocument(String lot, String road, String region, String district) {
        String roadJson = road == null
                ? "null"
                : "{\"address_name\":\"" + road + "\",\"region_1depth_name\":\"" + region
                        + "\",\"region_2depth_name\":\"" + district + "\",\"road_name\":\"세종대로\"}";
        return "{\"road_address\":" + roadJson + ",\"address\":{\"address_name\":\"" + lot
                + "\",\"region_1depth_name\":\""
                + region + "\",\"region_2depth_name\":\"" + district + "\",\"region_3depth_name\":\"태평로1가\","
                + "\"mountain_yn\":\"N\",\"main_address_no\":\"31\",\"sub_address_no\":\"\"}}";
    }

    /** One search/keyword.json document. */
    public static String placeDocument(String id, String name, String address, double lat, double lon) {
        return "{\"id\":\"" + id + "\",\"place_name\":\"" + name + "\",\"category_name\":\"사회,공공기관 > 재활용센터\","
                + "\"category_group_code\":\"\",\"phone\":\"02-000-0000\",\"address_name\":\"" + address
                + "\",\"road_address_name\":\"\",\"x\":\"" + lon + "\",\"y\":\"" + lat
                + "\",\"place_url\":\"http://place.map.kakao.com/" + id + "\",\"distance\":\"100\"}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        counts.get(path).incrementAndGet();
        queries.add(query(exchange.getRequestURI().getRawQuery()));
        Reply reply = !("KakaoAK " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                ? new Reply(401, "{\"errorType\":\"AccessDeniedError\",\"message\":\"cannot find appkey\"}", 0)
                : replies.get(path);
        try {
            if (reply.delayMillis() > 0) Thread.sleep(reply.delayMillis());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and hung up: what a slow provider looks like from here
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) return params;
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
