package eco2.auth.keys;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM (PKCS#8 private, X.509 public). */
final class Pem {
    private Pem() {}

    static RSAPrivateCrtKey privateKey(String pem) {
        try {
            return (RSAPrivateCrtKey)
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem, "PRIVATE KEY")));
        } catch (Exception e) {
            throw new IllegalStateException("JWT private key is not an RSA PKCS#8 PEM", e);
        }
    }

    static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey)
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY")));
        } catch (Exception e) {
            throw new IllegalStateException("JWT public key is not an RSA X.509 PEM", e);
        }
    }

    static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encodePrivate(RSAPrivateCrtKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static byte[] body(String pem, String label) {
        String text = pem.replace("\\n", "\n"); // env vars often carry literal \n
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < 0) throw new IllegalArgumentException("missing PEM " + label + " markers");
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
