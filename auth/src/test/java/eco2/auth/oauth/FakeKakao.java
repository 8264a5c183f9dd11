package eco2.auth.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Kakao Login that speaks its documented protocol: {@code GET /oauth/authorize} redirects
 * back with a code (as if the user consented), {@code POST /oauth/token} checks the client, redirect URI, code
 * and PKCE verifier before issuing an access token, and {@code GET /v2/user/me} answers Kakao's user JSON.
 */
final class FakeKakao implements AutoCloseable {
    static final String CLIENT_ID = "test-kakao-rest-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String challenge, String redirectUri, Map<String, Object> user) {}

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile Map<String, Object> nextUser;
    private volatile int tokenStatus = 200;
    private volatile String tokenError;
    private volatile Duration tokenDelay = Duration.ZERO;

    private FakeKakao() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/authorize", this::authorize);
        server.createContext("/oauth/token", this::token);
        server.createContext("/v2/user/me", this::me);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    static FakeKakao start() throws IOException {
        return new FakeKakao();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Kakao user who consents next; {@code email} null means the user declined to share it. */
    void signInAs(long id, String email, boolean emailVerified, String nickname) {
        Map<String, Object> account = new HashMap<>();
        account.put("profile_nickname_needs_agreement", false);
        account.put("profile", Map.of("nickname", nickname, "is_default_nickname", false));
        account.put("has_email", email != null);
        if (email != null) {
            account.put("email_needs_agreement", false);
            account.put("is_email_valid", true);
            account.put("is_email_verified", emailVerified);
            account.put("email", email);
        }
        nextUser = Map.of("id", id, "connected_at", "2026-11-28T01:00:00Z", "kakao_account", account);
    }

    /** The token endpoint answers this status and OAuth error until {@link #recover}. */
    void failTokenWith(int status, String error) {
        tokenStatus = status;
        tokenError = error;
    }

    void delayToken(Duration delay) {
        tokenDelay = delay;
    }

    void recover() {
        tokenStatus = 200;
        tokenError = null;
        tokenDelay = Duration.ZERO;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || nextUser == null) {
            send(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("code_challenge"), query.get("redirect_uri"), nextUser));
        exchange.getResponseHeaders()
                .add("Location", query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        sleep(tokenDelay);
        if (tokenStatus != 200) {
            send(exchange, tokenStatus, Map.of("error", tokenError, "error_description", "fake failure"));
            return;
        }
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        boolean valid = grant != null
                && "authorization_code".equals(form.get("grant_type"))
                && CLIENT_ID.equals(form.get("client_id"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && form.get("code_verifier") != null
                && grant.challenge().equals(Pkce.challenge(form.get("code_verifier")));
        if (!valid) {
            send(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            "invalid_grant",
                            "error_code",
                            "KOE320",
                            "error_description",
                            "authorization code not found or verifier mismatch"));
            return;
        }
        String accessToken = UUID.randomUUID().toString();
        accessTokens.put(accessToken, grant.user());
        send(
                exchange,
                200,
                Map.of(
                        "access_token",
                        accessToken,
                        "token_type",
                        "bearer",
                        "refresh_token",
                        "r-" + accessToken,
                        "expires_in",
                        21599,
                        "scope",
                        "account_email profile_nickname",
                        "refresh_token_expires_in",
                        5183999));
    }

    private void me(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> user = header == null ? null : accessTokens.get(header.replaceFirst("^Bearer ", ""));
        if (user == null) {
            send(exchange, 401, Map.of("msg", "this access token does not exist", "code", -401));
            return;
        }
        send(exchange, 200, user);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) return values;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static Map<String, String> query(URI uri) {
        return parse(uri.getRawQuery());
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
