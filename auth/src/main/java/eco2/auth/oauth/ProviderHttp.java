package eco2.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.BadGateway;
import eco2.common.error.BadRequest;
import eco2.common.error.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a sign-in provider with time limits, and one mapping of what goes wrong: no answer in time is 503,
 * a rejected authorization code ({@code invalid_grant}) is the client's 400, anything else unusable is 502.
 * Provider bodies are logged only as their OAuth {@code error} code: they may echo secrets.
 */
final class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration readTimeout;

    ProviderHttp(ObjectMapper mapper, Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.mapper = mapper;
        this.readTimeout = readTimeout;
    }

    /** The authorization-code grant with the PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5); the JSON answer. */
    JsonNode exchangeCode(ProviderSettings provider, String code, PendingSignIn pending) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", provider.clientId());
        form.put("client_secret", provider.clientSecret()); // left out when null (Kakao without a secret)
        form.put("redirect_uri", pending.redirectUri());
        form.put("code", code);
        form.put("code_verifier", pending.codeVerifier());
        return postForm(provider.name(), provider.tokenUrl(), form);
    }

    /** The authorization request's common parameters, PKCE S256 included; a provider adds its own after them. */
    static Map<String, String> authorizationQuery(ProviderSettings provider, String state, PendingSignIn pending) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", pending.redirectUri());
        query.put("state", state);
        query.put("code_challenge", Pkce.challenge(pending.codeVerifier()));
        query.put("code_challenge_method", "S256");
        return query;
    }

    /** POSTs a token request (form-encoded) and returns the JSON answer. */
    JsonNode postForm(String provider, URI url, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
                .build();
        return send(provider, request);
    }

    /** GETs JSON with the provider's access token. */
    JsonNode getWithBearer(String provider, URI url, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(provider, request);
    }

    private JsonNode send(String provider, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("{} did not answer {} {}: {}", provider, request.method(), request.uri(), e.toString());
            throw new Unavailable("Sign-in with " + provider + " is unavailable: the provider did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Sign-in with " + provider + " was interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 200 && body != null && body.isObject()) return body;
        String error = body == null ? "" : body.path("error").asText("");
        log.warn("{} answered {} {} with HTTP {} {}", provider, request.method(), request.uri(), status, error);
        if (status == 400 && "invalid_grant".equals(error)) { // Kakao and Google both say so for a bad or used code
            throw new BadRequest("The authorization code was rejected by " + provider + "; start the sign-in again");
        }
        if (status >= 500 || status == 429) {
            throw new BadGateway(provider + " failed to complete the sign-in (HTTP " + status + "); try again shortly");
        }
        throw new BadGateway(provider + " refused the sign-in request (HTTP " + status
                + (error.isEmpty() ? "" : ", " + error) + ")");
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
