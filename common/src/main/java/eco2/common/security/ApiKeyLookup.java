package eco2.common.security;

/**
 * Asks auth about a key that Redis does not know: auth reads its database and writes the answer back to
 * {@code apikey:{prefix}}, so the next request finds it in Redis. In-process when auth is mounted in the same app
 * (the dev launcher), otherwise {@link HttpApiKeyLookup}.
 */
@FunctionalInterface
public interface ApiKeyLookup {
    String PATH = "/internal/v1/api-keys/lookup";

    /** Whether the key with this prefix and SHA-256 is valid now; throws {@code Unavailable} when auth cannot say. */
    boolean lookup(String prefix, String sha256);
}
