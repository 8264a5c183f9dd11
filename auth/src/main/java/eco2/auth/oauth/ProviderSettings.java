package eco2.auth.oauth;

import java.net.URI;

/**
 * One OAuth2 provider's client registration and endpoints. {@code missingSetting} names the first required
 * environment variable that is unset, so an unconfigured provider answers 503 saying what to set.
 */
public record ProviderSettings(
        String name,
        String clientId,
        String clientSecret,
        URI authorizationUrl,
        URI tokenUrl,
        URI userInfoUrl,
        URI jwksUrl,
        String issuer,
        String scope,
        String missingSetting) {

    public boolean configured() {
        return missingSetting == null;
    }

    @Override
    public String toString() { // the record's default would print the client secret
        return "ProviderSettings[" + name + ", client " + clientId + ", token " + tokenUrl + "]";
    }
}
