package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a bearer token can be wrong is a 401 from auth's own /me. */
class TokenSecurityIT {
    static AuthTestApp auth;
    static TestUsers.Session user;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start();
        user = TestUsers.register(auth.http);
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void aTokenSignedLikeAuthDoesIsAccepted() {
        assertThat(me(sign(b -> b)).status()).isEqualTo(200);
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", sign(b -> b.withExpiresAt(Instant.now().minusSeconds(60)))),
                Arguments.of("wrong audience", sign(b -> b.withAudience("someone-else"))),
                Arguments.of("wrong issuer", sign(b -> b.withIssuer("evil"))),
                Arguments.of("refresh type", sign(b -> b.withClaim("type", "refresh"))),
                Arguments.of("unknown kid", sign(b -> b.withKeyId("nope"))),
                Arguments.of(
                        "other key",
                        JWT.create()
                                .withKeyId(auth.keys.signingKid())
                                .withIssuer("eco2-auth")
                                .withAudience("eco2")
                                .withSubject(user.id())
                                .withJWTId("x")
                                .withClaim("type", "access")
                                .withExpiresAt(Instant.now().plusSeconds(600))
                                .sign(Algorithm.RSA256(null, KeyRingLoader.generate()))),
                Arguments.of("alg none", none()),
                Arguments.of("HS256 with the public key", hsConfusion()),
                Arguments.of("tampered payload", tamper(user.accessToken())),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokensAre401WithTheEnvelope(String why, String token) {
        TestHttp.Response r = me(token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
        assertThat(r.json().get("request_id").asText()).isNotBlank();
    }

    @Test
    void aBlacklistedTokenIs401() {
        String token = sign(b -> b);
        auth.infra.revocations().revoke(JWT.decode(token).getId(), java.time.Duration.ofMinutes(5));
        TestHttp.Response r = me(token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asText()).isEqualTo("Token has been revoked");
    }

    static TestHttp.Response me(String token) {
        return auth.http.get("/api/v1/auth/me", "Authorization", TestHttp.bearer(token));
    }

    static String sign(UnaryOperator<JWTCreator.Builder> change) {
        return sign(auth, user, change);
    }

    /** A token as auth signs it, for {@code user}, after {@code change}. */
    static String sign(AuthTestApp app, TestUsers.Session user, UnaryOperator<JWTCreator.Builder> change) {
        JWTCreator.Builder b = JWT.create()
                .withKeyId(app.keys.signingKid())
                .withIssuer("eco2-auth")
                .withAudience("eco2")
                .withSubject(user.id())
                .withClaim("email", user.email())
                .withClaim("username", user.username())
                .withClaim("roles", List.of("user"))
                .withClaim("type", "access")
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(Instant.now())
                .withExpiresAt(Instant.now().plusSeconds(600));
        return change.apply(b).sign(Algorithm.RSA256(null, app.keys.signingKey()));
    }

    private static String none() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + auth.keys.signingKid() + "\"}");
        return header + "." + sign(b -> b).split("\\.")[1] + ".";
    }

    private static String hsConfusion() {
        byte[] publicKey = auth.keys.find(auth.keys.signingKid()).getEncoded();
        return JWT.create()
                .withKeyId(auth.keys.signingKid())
                .withIssuer("eco2-auth")
                .withAudience("eco2")
                .withSubject(user.id())
                .withJWTId("x")
                .withClaim("type", "access")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(publicKey));
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[\"user\"]", "\"roles\":[\"admin\"]");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
