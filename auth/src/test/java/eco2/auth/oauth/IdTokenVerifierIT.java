package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.BadGateway;
import eco2.common.security.JwksClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ID tokens signed by a real OIDC server's keys: only RS256, our issuer, our audience, unexpired, our nonce. */
class IdTokenVerifierIT {
    static final String CLIENT = "eco2-web";
    static MockOAuth2Server oidc;
    static IdTokenVerifier verifier;

    @BeforeAll
    static void start() {
        oidc = new MockOAuth2Server();
        oidc.start();
        JwksClient keys = new JwksClient(
                URI.create(oidc.jwksUrl("default").toString()),
                new ObjectMapper(),
                Clock.systemUTC(),
                Duration.ofSeconds(30));
        verifier = new IdTokenVerifier("google", keys, oidc.issuerUrl("default").toString(), CLIENT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        oidc.shutdown();
    }

    @Test
    void aGoodTokenPassesAndKeepsItsClaims() {
        String token = issue("default", CLIENT, Map.of("nonce", "n-1", "email", "a@b.kr"), 300);
        assertThat(verifier.verify(token, "n-1").getClaim("email").asString()).isEqualTo("a@b.kr");
    }

    @Test
    void anotherAudienceIsRefused() {
        String token = issue("default", "someone-elses-client", Map.of("nonce", "n-1"), 300);
        assertThatThrownBy(() -> verifier.verify(token, "n-1"))
                .isInstanceOf(BadGateway.class)
                .hasMessageContaining("failed verification");
    }

    @Test
    void anotherIssuerIsRefused() {
        String token = issue("elsewhere", CLIENT, Map.of("nonce", "n-1"), 300);
        assertThatThrownBy(() -> verifier.verify(token, "n-1")).isInstanceOf(BadGateway.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = issue("default", CLIENT, Map.of("nonce", "n-1"), -60);
        assertThatThrownBy(() -> verifier.verify(token, "n-1")).isInstanceOf(BadGateway.class);
    }

    @Test
    void aNonceFromAnotherSignInIsRefused() {
        String token = issue("default", CLIENT, Map.of("nonce", "n-1"), 300);
        assertThatThrownBy(() -> verifier.verify(token, "n-2"))
                .isInstanceOf(BadGateway.class)
                .hasMessageContaining("nonce");
    }

    @Test
    void anHs256TokenWithTheRightClaimsIsRefused() {
        String forged = JWT.create()
                .withIssuer(oidc.issuerUrl("default").toString())
                .withAudience(CLIENT)
                .withSubject("x")
                .withClaim("nonce", "n-1")
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC256("guessable"));
        assertThatThrownBy(() -> verifier.verify(forged, "n-1")).isInstanceOf(BadGateway.class);
    }

    private static String issue(String issuerId, String audience, Map<String, Object> claims, long expirySeconds) {
        return oidc.issueToken(
                        issuerId,
                        "client",
                        new DefaultOAuth2TokenCallback(
                                issuerId, "subject-1", "JWT", List.of(audience), claims, expirySeconds))
                .serialize();
    }
}
