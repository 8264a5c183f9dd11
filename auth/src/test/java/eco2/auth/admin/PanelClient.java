package eco2.auth.admin;

import eco2.common.testing.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client for the panel over plain HTTP: keeps cookies, reads form tokens, posts forms. */
final class PanelClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final TestHttp http;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final String[] extraHeaders;

    PanelClient(TestHttp http, String... extraHeaders) {
        this.http = http;
        this.extraHeaders = extraHeaders;
    }

    TestHttp.Response get(String path) {
        return remember(http.get(path, headers()));
    }

    TestHttp.Response post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(
                http.post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), headers()));
    }

    /** Signs in through the form: GET for the token, POST the credentials. */
    TestHttp.Response signIn(String login, String password) {
        String token = csrf(get("/admin/login").body());
        return post("/admin/login", Map.of("_csrf", token, "email", login, "password", password));
    }

    /** The form token on a page the client can see. */
    String csrfOf(String path) {
        return csrf(get(path).body());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no form token in: " + html);
        return m.group(1);
    }

    static List<String> setCookies(TestHttp.Response response) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private TestHttp.Response remember(TestHttp.Response response) {
        for (String header : setCookies(response)) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty()) cookies.remove(name);
            else cookies.put(name, value);
        }
        return response;
    }

    private String[] headers() {
        String cookie = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        String[] all = new String[extraHeaders.length + (cookie.isEmpty() ? 0 : 2)];
        System.arraycopy(extraHeaders, 0, all, 0, extraHeaders.length);
        if (!cookie.isEmpty()) {
            all[extraHeaders.length] = "Cookie";
            all[extraHeaders.length + 1] = cookie;
        }
        return all;
    }
}
