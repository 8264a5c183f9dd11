package eco2.common.security;

import java.security.interfaces.RSAPublicKey;

/** Finds the RSA public key for a JWT {@code kid}; null when unknown. */
@FunctionalInterface
public interface PublicKeySource {
  RSAPublicKey find(String kid);
}
