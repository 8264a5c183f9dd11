package eco2.auth.oauth;

import eco2.auth.OpaqueTokens;
import eco2.auth.account.User;
import eco2.auth.session.SessionService;
import eco2.auth.session.TokenPair;
import eco2.common.error.BadRequest;
import eco2.common.error.Invalid;
import eco2.common.error.NotFound;
import eco2.common.error.Unavailable;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The authorization-code flow with PKCE: {@link #start} remembers a state bound to the provider, the redirect URI
 * and a binding held by the starting client; {@link #complete} takes that state exactly once, checks the binding
 * (so a code and state captured elsewhere cannot sign someone else's browser or app in), lets the provider vouch
 * for the user, and opens a session.
 */
public final class OAuthService {
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final Map<String, IdentityProvider> providers;
    private final List<String> redirectUris;
    private final PendingSignIns pending;
    private final SocialSignIn signIns;
    private final SessionService sessions;

    public OAuthService(
            Map<String, IdentityProvider> providers,
            List<String> redirectUris,
            PendingSignIns pending,
            SocialSignIn signIns,
            SessionService sessions) {
        this.providers = Map.copyOf(providers);
        this.redirectUris = List.copyOf(redirectUris);
        this.pending = pending;
        this.signIns = signIns;
        this.sessions = sessions;
    }

    /**
     * {@code redirectUri} null means the first allowed one. {@code heldBinding} is the binding cookie the client
     * already has, if any: reusing it lets one browser run sign-ins in two tabs.
     */
    public OAuthStart start(String providerName, String redirectUri, String heldBinding) {
        IdentityProvider provider = configured(providerName);
        String redirect = redirectUri == null ? redirectUris.get(0) : redirectUri;
        if (!redirectUris.contains(redirect)) {
            throw Invalid.of("redirect_uri", "is not one of the allowed redirect URIs");
        }
        String state = OpaqueTokens.newToken();
        String binding = heldBinding != null && TOKEN_SHAPE.matcher(heldBinding).matches()
                ? heldBinding
                : OpaqueTokens.newToken();
        PendingSignIn signIn = new PendingSignIn(
                providerName, redirect, OpaqueTokens.newToken(), OpaqueTokens.newToken(), hash(binding));
        pending.put(state, signIn);
        return new OAuthStart(provider.authorizationUrl(state, signIn).toString(), state, binding);
    }

    /** The binding comes from the body (apps) or else from the cookie (browsers): {@code cookieBinding}. */
    public TokenPair complete(String providerName, OAuthCallbackRequest callback, String cookieBinding) {
        IdentityProvider provider = configured(providerName);
        PendingSignIn signIn = pending.take(callback.state())
                .orElseThrow(() ->
                        new BadRequest("Sign-in state is unknown, expired or already used; start the sign-in again"));
        if (!signIn.provider().equals(providerName)) {
            throw new BadRequest("Sign-in state was issued for " + signIn.provider() + ", not " + providerName);
        }
        String binding = callback.binding() != null ? callback.binding() : cookieBinding;
        if (binding == null
                || signIn.bindingHash() == null
                || !MessageDigest.isEqual(
                        hash(binding).getBytes(), signIn.bindingHash().getBytes())) {
            // The state is spent either way: a captured state cannot be tried again with another binding.
            throw new BadRequest("Sign-in was started by another client (binding missing or wrong); start it again");
        }
        User user = signIns.resolve(provider.identify(callback.code(), signIn));
        return sessions.startSession(user);
    }

    private static String hash(String binding) {
        return HexFormat.of().formatHex(OpaqueTokens.hash(binding));
    }

    private IdentityProvider configured(String name) {
        IdentityProvider provider = providers.get(name);
        if (provider == null) throw new NotFound("Unknown sign-in provider '" + name + "'; use kakao or google");
        ProviderSettings settings = provider.settings();
        if (!settings.configured()) {
            throw new Unavailable("Sign-in with " + name + " is not configured: set " + settings.missingSetting());
        }
        return provider;
    }
}
