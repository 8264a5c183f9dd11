package eco2.common.http;

import static eco2.common.http.HttpAppIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import eco2.common.security.AccessTokenVerifier;
import eco2.common.security.Revocations;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** Bearer tokens through the real app: only RS256 access tokens from our issuer, unexpired and unrevoked, get in. */
class HttpAppAuthIT {
    private static TestApp app;
    private static TestTokens tokens;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri());
        tokens = app.tokens;
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/me", "/api/me"})
    void aValidTokenGetsIn(String path) {
        TestTokens.Issued issued = tokens.issue();

        Response r = http.get(path, "Authorization", issued.bearer());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("user_id").asText()).isEqualTo(issued.userId().toString());
        assertThat(r.json().path("token_id").asText()).isEqualTo(issued.jti());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(http.get("/me", "Authorization", "bearer " + tokens.issue().token())
                        .status())
                .isEqualTo(200);
    }

    static Stream<Arguments> badAuthorization() {
        TestTokens t = app.tokens;
        UUID user = UUID.randomUUID();
        String good = t.sign(t.claims(user));
        String[] parts = good.split("\\.");
        Function<Map<String, Object>, String> signed = t::sign;
        return Stream.of(
                Arguments.of("no header", null),
                Arguments.of("empty bearer", "Bearer "),
                Arguments.of("basic auth", "Basic " + b64("user:pass")),
                Arguments.of("token without scheme", good),
                Arguments.of("not a JWT", "Bearer not-a-jwt"),
                Arguments.of("two parts", "Bearer " + parts[0] + "." + parts[1]),
                Arguments.of(
                        "tampered payload",
                        "Bearer " + parts[0] + "."
                                + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                        .replace(
                                                user.toString(),
                                                UUID.randomUUID().toString()))
                                + "." + parts[2]),
                Arguments.of("tampered signature", "Bearer " + parts[0] + "." + parts[1] + "." + flipMiddle(parts[2])),
                Arguments.of("signature stripped", "Bearer " + parts[0] + "." + parts[1] + "."),
                Arguments.of(
                        "expired",
                        "Bearer "
                                + signed.apply(with(
                                        t.claims(user),
                                        "exp",
                                        Date.from(Instant.now().minus(Duration.ofHours(1)))))),
                Arguments.of(
                        "not yet valid",
                        "Bearer "
                                + signed.apply(with(
                                        t.claims(user),
                                        "nbf",
                                        Date.from(Instant.now().plus(Duration.ofHours(1)))))),
                Arguments.of("no exp", "Bearer " + signed.apply(without(t.claims(user), "exp"))),
                Arguments.of("no jti", "Bearer " + signed.apply(without(t.claims(user), "jti"))),
                Arguments.of("no sub", "Bearer " + signed.apply(without(t.claims(user), "sub"))),
                Arguments.of("sub not a UUID", "Bearer " + signed.apply(with(t.claims(user), "sub", "admin"))),
                Arguments.of("wrong audience", "Bearer " + signed.apply(with(t.claims(user), "aud", "other-app"))),
                Arguments.of("no audience", "Bearer " + signed.apply(without(t.claims(user), "aud"))),
                Arguments.of(
                        "wrong issuer", "Bearer " + signed.apply(with(t.claims(user), "iss", "https://evil.example"))),
                Arguments.of("refresh type", "Bearer " + signed.apply(with(t.claims(user), "type", "refresh"))),
                Arguments.of("no type", "Bearer " + signed.apply(without(t.claims(user), "type"))),
                Arguments.of("alg none", "Bearer " + t.sign(t.claims(user), Algorithm.none(), t.kid())),
                Arguments.of(
                        "HS256 keyed with the public key",
                        "Bearer "
                                + t.sign(
                                        t.claims(user),
                                        Algorithm.HMAC256(t.publicKey().getEncoded()),
                                        t.kid())),
                Arguments.of(
                        "HS256 keyed with the public key PEM",
                        "Bearer " + t.sign(t.claims(user), Algorithm.HMAC256(pem(t.publicKey())), t.kid())),
                Arguments.of("unknown kid", "Bearer " + t.sign(t.claims(user), t.rs256(), "no-such-kid")),
                Arguments.of(
                        "no kid",
                        "Bearer " + JWT.create().withPayload(t.claims(user)).sign(t.rs256())),
                Arguments.of("another key under our kid", "Bearer " + t.sign(t.claims(user), foreignKey(), t.kid())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorization")
    void aBadOrMissingTokenIsA401Envelope(String why, String authorization) {
        for (String path : new String[] {"/me", "/api/me"}) {
            Response r = authorization == null ? http.get(path) : http.get(path, "Authorization", authorization);

            envelope(r, 401, "unauthorized");
        }
    }

    @Test
    void aRevokedTokenIsRefused() {
        TestTokens.Issued issued = tokens.issue();
        assertThat(http.get("/me", "Authorization", issued.bearer()).status()).isEqualTo(200);

        app.infra.revocations().revoke(issued.jti(), Duration.ofMinutes(30));

        envelope(http.get("/me", "Authorization", issued.bearer()), 401, "unauthorized");
        envelope(http.get("/api/me", "Authorization", issued.bearer()), 401, "unauthorized");
        assertThat(http.get("/me", "Authorization", tokens.issue().bearer()).status())
                .isEqualTo(200);
    }

    @Test
    void aJtiBlacklistedByAnotherServiceIsRefused() {
        TestTokens.Issued issued = tokens.issue();
        try (RedisClient redis =
                RedisClient.create(URI.create(TestServices.get().redisUri()))) {
            redis.set("blacklist:" + issued.jti(), "1", SetParams.setParams().ex(60));
        }

        envelope(http.get("/api/me", "Authorization", issued.bearer()), 401, "unauthorized");
        envelope(http.get("/me", "Authorization", issued.bearer()), 401, "unauthorized");
    }

    @Test
    void aUsersRevocationMarkRefusesTheirOlderTokensOnBothPaths() {
        UUID userId = UUID.randomUUID();
        Instant mark = Instant.now();
        String older = tokens.sign(
                with(tokens.claims(userId), "iat_ms", mark.minusMillis(1).toEpochMilli()));
        String newer = tokens.sign(
                with(tokens.claims(userId), "iat_ms", mark.plusMillis(1).toEpochMilli()));
        TestTokens.Issued someoneElse = tokens.issue();

        app.infra.revocations().revokeUser(userId, mark, Duration.ofMinutes(30));

        // /api/me asks Redis in the rate limiter's script, /me with one MGET: both read the mark.
        for (String path : List.of("/me", "/api/me")) {
            envelope(http.get(path, "Authorization", "Bearer " + older), 401, "unauthorized");
            assertThat(http.get(path, "Authorization", "Bearer " + newer).status())
                    .as(path)
                    .isEqualTo(200);
            assertThat(http.get(path, "Authorization", someoneElse.bearer()).status())
                    .as(path)
                    .isEqualTo(200);
        }
        // The mark outlives every token it could refuse.
        assertThat(app.infra.redis().pttl(Revocations.userKey(userId)))
                .isGreaterThan(Duration.ofMinutes(30).toMillis());
    }

    @Test
    void revocationWritesAKeyThatOutlivesTheToken() {
        TestTokens.Issued issued = tokens.issue();

        app.infra.revocations().revoke(issued.jti(), Duration.ofMinutes(30));

        // The verifier accepts a token until exp + leeway, so the blacklist entry must last at least that long.
        long ttl = app.infra.redis().ttl("blacklist:" + issued.jti());
        long mustOutlive =
                Duration.ofMinutes(30).plus(AccessTokenVerifier.LEEWAY).toSeconds();
        assertThat(ttl).isGreaterThanOrEqualTo(mustOutlive).isLessThanOrEqualTo(mustOutlive + 2);
    }

    @Test
    void revokingATokenInsideItsLeewayStillBlacklistsIt() {
        TestTokens.Issued issued = tokens.issue();
        app.infra.revocations().revoke(issued.jti(), Duration.ofSeconds(-3));
        assertThat(app.infra.redis().ttl("blacklist:" + issued.jti())).isBetween(2L, 4L);

        app.infra.revocations().revoke("long-gone", Duration.ofSeconds(-30));
        assertThat(app.infra.redis().exists("blacklist:long-gone")).isFalse();
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        claims.remove(name);
        return claims;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Changes one character in the middle, where every bit is signature (the last character carries padding bits). */
    private static String flipMiddle(String signature) {
        int i = signature.length() / 2;
        char replacement = signature.charAt(i) == 'A' ? 'B' : 'A';
        return signature.substring(0, i) + replacement + signature.substring(i + 1);
    }

    private static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static Algorithm foreignKey() {
        var pair = TestTokens.newKeyPair();
        return Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }
}
