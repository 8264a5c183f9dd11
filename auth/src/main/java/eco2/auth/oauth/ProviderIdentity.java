package eco2.auth.oauth;

/**
 * Who the provider says signed in: its stable user id, the email if shared (and whether the provider verified
 * it), and a display name to derive a username from. Any field but {@code subject} may be null.
 */
public record ProviderIdentity(
        String provider, String subject, String email, boolean emailVerified, String displayName) {}
