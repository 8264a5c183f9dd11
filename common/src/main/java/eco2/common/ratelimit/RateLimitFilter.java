package eco2.common.ratelimit;

import eco2.common.error.RateLimited;
import eco2.common.error.Unavailable;
import eco2.common.http.ClientIp;
import eco2.common.http.Prefetch;
import eco2.common.redis.Prefetched;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import eco2.common.security.Revocations;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The {@code before} handler that meters {@code /api/} traffic, counting by what each rule declares: the client
 * IP, the bearer's user (the IP for anonymous calls), or both. In the same Redis round trip it asks the blacklist
 * and the caller's per-user revocation mark (for {@link Authenticator}) and reads the cache entry the route declared with a {@link Prefetch}, so a protected
 * request costs one round trip. Requests with {@code X-API-Key} go to the {@link ApiKeyGate} instead, which
 * verifies and meters the key in its one round trip (even with limits switched off: verifying a key is not a limit).
 */
public final class RateLimitFilter {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final TokenBucket bucket;
    private final Authenticator authenticator;
    private final List<RateLimitRule> rules;
    private final boolean enabled;
    private final List<Prefetch> prefetches;
    private final ApiKeyGate keys;

    public RateLimitFilter(
            TokenBucket bucket,
            Authenticator authenticator,
            RateLimitSettings settings,
            List<RateLimitRule> moduleRules,
            List<Prefetch> prefetches,
            ApiKeyGate keys) {
        this.bucket = bucket;
        this.keys = keys;
        this.prefetches = List.copyOf(prefetches);
        this.authenticator = authenticator;
        this.enabled = settings.enabled();
        this.rules = Stream.concat(
                        Stream.of(new RateLimitRule("/api/", settings.defaultPolicy())), moduleRules.stream())
                .map(r -> new RateLimitRule(r.pathPrefix(), settings.tune(r.policy()), r.countBy()))
                .sorted(Comparator.comparingInt(
                                (RateLimitRule r) -> r.pathPrefix().length())
                        .reversed())
                .toList();
    }

    public void handle(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) return;
        RateLimitRule rule = match(ctx.path());
        if (rule == null) return;
        String apiKey = ctx.header(ApiKeyGate.HEADER);
        if (apiKey != null) {
            keys.handle(ctx, apiKey, rule.policy());
            return;
        }
        if (!enabled) return;
        Principal principal = authenticator.peek(ctx);
        String ip = "ip:" + ClientIp.of(ctx);
        String subject =
                principal != null && rule.countBy() != RateLimitRule.CountBy.IP ? "user:" + principal.userId() : ip;
        String revocationKey = principal != null ? Revocations.key(principal.tokenId()) : null;
        String userRevocationKey = principal != null ? Revocations.userKey(principal.userId()) : null;
        String prefetchKey = principal != null ? prefetchKey(ctx, principal) : null;
        TokenBucket.Decision decision;
        try {
            decision = bucket.take(rule.policy(), subject, 1, revocationKey, userRevocationKey, prefetchKey);
            if (decision.allowed() && rule.countBy() == RateLimitRule.CountBy.IP_AND_USER && !subject.equals(ip)) {
                TokenBucket.Decision byIp = bucket.take(rule.policy(), ip, 1);
                if (!byIp.allowed() || byIp.remaining() < decision.remaining()) {
                    decision = new TokenBucket.Decision(
                            byIp.allowed(),
                            byIp.limit(),
                            byIp.remaining(),
                            byIp.resetSeconds(),
                            byIp.retryAfterSeconds(),
                            decision.flagged(),
                            decision.prefetched(),
                            decision.marked());
                }
            }
        } catch (JedisConnectionException e) { // only an unreachable Redis: a script error must not turn limits off
            if (rule.policy().failClosed()) throw new Unavailable("Rate limiting is unavailable; try again shortly");
            log.warn(
                    "rate limiter unavailable, letting {} through: {}",
                    rule.policy().name(),
                    e.toString());
            return;
        }
        if (principal != null)
            authenticator.rememberRevoked(
                    ctx, decision.flagged() || Revocations.issuedBefore(principal, decision.marked()));
        if (prefetchKey != null) Prefetch.store(ctx, new Prefetched(prefetchKey, decision.prefetched()));
        ctx.header("RateLimit-Limit", Integer.toString(decision.limit()));
        ctx.header("RateLimit-Remaining", Long.toString(decision.remaining()));
        ctx.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) throw new RateLimited("Too many requests", decision.retryAfterSeconds());
    }

    private String prefetchKey(Context ctx, Principal principal) {
        for (Prefetch prefetch : prefetches)
            if (prefetch.matches(ctx)) return prefetch.key().apply(principal);
        return null;
    }

    private RateLimitRule match(String path) {
        for (RateLimitRule rule : rules) if (path.startsWith(rule.pathPrefix())) return rule;
        return null;
    }
}
