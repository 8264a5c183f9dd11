package eco2.auth.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} for token requests and authorization-URL query strings. */
final class FormEncoding {
    private FormEncoding() {}

    /** Null values are left out, so optional parameters need no special casing at the call site. */
    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static URI withQuery(URI base, Map<String, String> params) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + encode(params));
    }
}
