package eco2.common.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers tokens whose signature and claims already checked out, until they expire, so a client that sends
 * the same token many times pays the RSA verification once. Keyed by the exact token text, so nothing that was
 * not verified can hit. Bounded: when full it starts over, which costs only re-verification.
 */
final class VerifiedTokenCache {
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    VerifiedTokenCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The cached principal if still unexpired, otherwise {@code verify} decides (and a success is cached). */
    Principal get(String token, Function<String, Principal> verify) {
        Principal cached = verified.get(token);
        if (cached != null) {
            if (cached.expiresAt().isAfter(clock.instant())) return cached;
            verified.remove(token);
        }
        Principal fresh = verify.apply(token);
        if (fresh != null) {
            if (verified.size() >= capacity) verified.clear();
            verified.put(token, fresh);
        }
        return fresh;
    }
}
