package eco2.auth.oauth;

/** Answer of {@code GET /oauth/{provider}}: where to send the user, and the state the callback must bring back. */
public record OAuthStart(String authorizationUrl, String state) {}
