package eco2.auth.session;

/** What login, token and refresh return. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
