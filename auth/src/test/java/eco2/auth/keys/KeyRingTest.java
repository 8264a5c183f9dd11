package eco2.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.security.RsaJwk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys: from PEM config, from the persisted dev file, and published with the previous key for rotation. */
class KeyRingTest {
    @TempDir
    Path dir;

    @Test
    void theDevKeyIsGeneratedOnceAndReusedAfterARestart() throws Exception {
        Path file = dir.resolve("nested/jwt.pem");
        KeyRing first = KeyRingLoader.load(null, null, file);
        KeyRing second = KeyRingLoader.load(null, null, file);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(second.signingKid()).isEqualTo(first.signingKid());
    }

    @Test
    void aConfiguredPemWinsAndMayCarryEscapedNewlines() throws Exception {
        RSAPrivateCrtKey key = KeyRingLoader.generate();
        String pem = Pem.encodePrivate(key).replace("\n", "\\n");
        KeyRing ring = KeyRingLoader.load(pem, null, dir.resolve("unused.pem"));

        assertThat(ring.signingKey().getModulus()).isEqualTo(key.getModulus());
        assertThat(Files.exists(dir.resolve("unused.pem"))).isFalse();
    }

    @Test
    void jwksPublishesTheCurrentThenThePreviousKey() throws Exception {
        RSAPrivateCrtKey previous = KeyRingLoader.generate();
        RSAPublicKey previousPublic = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(previous.getModulus(), previous.getPublicExponent()));
        String previousPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(previousPublic.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        KeyRing ring = KeyRingLoader.load(null, previousPem, dir.resolve("current.pem"));

        List<Map<String, String>> keys = ring.jwks().get("keys");
        assertThat(keys)
                .extracting(k -> k.get("kid"))
                .containsExactly(ring.signingKid(), RsaJwk.thumbprint(previousPublic));
        assertThat(ring.find(RsaJwk.thumbprint(previousPublic))).isEqualTo(previousPublic);
        assertThat(ring.find("unknown")).isNull();
        assertThat(ring.find(null)).isNull();
        assertThat(keys).allSatisfy(k -> assertThat(k).doesNotContainKeys("d", "p", "q"));
    }

    @Test
    void garbageKeysStopStartUpWithAClearMessage() {
        assertThatThrownBy(() -> KeyRingLoader.load("not a pem", null, dir.resolve("x.pem")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PKCS#8");
    }
}
