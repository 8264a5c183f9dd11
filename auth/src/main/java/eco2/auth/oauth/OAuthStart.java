package eco2.auth.oauth;

/**
 * Answer of {@code GET /oauth/{provider}}: where to send the user, the state the callback must bring back, and the
 * binding that proves the callback comes from the client that started (also set as an HttpOnly cookie).
 */
public record OAuthStart(String authorizationUrl, String state, String binding) {}
