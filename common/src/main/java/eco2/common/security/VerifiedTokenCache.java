package eco2.common.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers tokens whose signature and claims already checked out, so a client that sends the same token many
 * times pays the RSA verification once. Keyed by the exact token text, so nothing that was not verified can hit.
 * An entry lasts until the token expires or {@link #MAX_ENTRY_AGE}, whichever is first, and only while the key
 * that signed it is still published: a retired key ends its tokens here as soon as the key source drops it.
 * Bounded: when full it starts over, which costs only re-verification.
 */
final class VerifiedTokenCache {
    static final Duration MAX_ENTRY_AGE = Duration.ofSeconds(60);

    private record Entry(Principal principal, String kid, Instant until) {}

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;
    private final PublicKeySource keys;

    VerifiedTokenCache(int capacity, Clock clock, PublicKeySource keys) {
        this.capacity = capacity;
        this.clock = clock;
        this.keys = keys;
    }

    /** The cached principal if its entry is still good, otherwise {@code verify} decides (a success is cached). */
    Principal get(String token, Function<String, Principal> verify) {
        Instant now = clock.instant();
        Entry cached = verified.get(token);
        if (cached != null) {
            if (cached.until().isAfter(now) && keys.find(cached.kid()) != null) return cached.principal();
            verified.remove(token);
        }
        Principal fresh = verify.apply(token);
        if (fresh != null) {
            if (verified.size() >= capacity) verified.clear();
            Instant until =
                    fresh.expiresAt().isBefore(now.plus(MAX_ENTRY_AGE)) ? fresh.expiresAt() : now.plus(MAX_ENTRY_AGE);
            verified.put(token, new Entry(fresh, kidOf(token), until));
        }
        return fresh;
    }

    private static String kidOf(String token) {
        try {
            return JWT.decode(token).getKeyId();
        } catch (JWTDecodeException e) {
            return null;
        }
    }
}
