package eco2.auth.mail;

/** Answer of {@code POST /verify-email}. */
public record VerifiedView(boolean isVerified) {}
