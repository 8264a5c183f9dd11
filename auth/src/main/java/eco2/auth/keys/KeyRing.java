package eco2.auth.keys;

import eco2.common.security.PublicKeySource;
import eco2.common.security.RsaJwk;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing key and the keys tokens may still be verified with: the current one and, during a rotation,
 * the previous one. Key ids are RFC 7638 thumbprints.
 */
public final class KeyRing implements PublicKeySource {
    private final RSAPrivateCrtKey signingKey;
    private final String signingKid;
    private final Map<String, RSAPublicKey> verificationKeys;

    public KeyRing(RSAPrivateCrtKey signingKey, RSAPublicKey previous) {
        this.signingKey = signingKey;
        RSAPublicKey current = Pem.publicOf(signingKey);
        this.signingKid = RsaJwk.thumbprint(current);
        Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
        keys.put(signingKid, current);
        if (previous != null) keys.put(RsaJwk.thumbprint(previous), previous);
        this.verificationKeys = Map.copyOf(keys);
    }

    public RSAPrivateCrtKey signingKey() {
        return signingKey;
    }

    public String signingKid() {
        return signingKid;
    }

    @Override
    public RSAPublicKey find(String kid) {
        return kid == null ? null : verificationKeys.get(kid);
    }

    /** The JWKS document: current key first. */
    public Map<String, List<Map<String, String>>> jwks() {
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(RsaJwk.toJwk(verificationKeys.get(signingKid), signingKid));
        verificationKeys.forEach((kid, key) -> {
            if (!kid.equals(signingKid)) keys.add(RsaJwk.toJwk(key, kid));
        });
        return Map.of("keys", keys);
    }
}
