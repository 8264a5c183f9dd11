package eco2.common.security;

import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Finds the RSA public key for a JWT {@code kid}; null when unknown. */
@FunctionalInterface
public interface PublicKeySource {
    RSAPublicKey find(String kid);

    /** This source as java-jwt's key provider, for verifying only (it has no private key). */
    default RSAKeyProvider asVerifyingKeyProvider() {
        return new RSAKeyProvider() {
            @Override
            public RSAPublicKey getPublicKeyById(String kid) {
                return find(kid);
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        };
    }
}
