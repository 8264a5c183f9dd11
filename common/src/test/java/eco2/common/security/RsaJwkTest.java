package eco2.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JWK conversion and the RFC 7638 thumbprint used as kid. */
class RsaJwkTest {
    // RFC 7638, section 3.1.
    private static final String RFC_N =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
                    + "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c"
                    + "7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kE"
                    + "gU8awapJzKnqDKgw";
    private static final String RFC_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    @Test
    void thumbprintMatchesTheRfcExample() {
        assertThat(RsaJwk.thumbprint(RsaJwk.fromJwk(RFC_N, "AQAB"))).isEqualTo(RFC_THUMBPRINT);
    }

    @Test
    void roundTripsThroughJwk() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();

        Map<String, String> jwk = RsaJwk.toJwk(key, "k1");
        RSAPublicKey back = RsaJwk.fromJwk(jwk.get("n"), jwk.get("e"));

        assertThat(jwk)
                .containsEntry("kty", "RSA")
                .containsEntry("alg", "RS256")
                .containsEntry("use", "sig")
                .containsEntry("kid", "k1")
                .containsEntry("e", "AQAB");
        assertThat(jwk.get("n")).doesNotContain("=", "+", "/").doesNotStartWith("AA"); // unsigned, unpadded base64url
        assertThat(back.getModulus()).isEqualTo(key.getModulus());
        assertThat(back.getPublicExponent()).isEqualTo(key.getPublicExponent());
        assertThat(RsaJwk.thumbprint(back)).isEqualTo(RsaJwk.thumbprint(key));
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> RsaJwk.fromJwk("!!!", "AQAB")).isInstanceOf(IllegalArgumentException.class);
    }
}
