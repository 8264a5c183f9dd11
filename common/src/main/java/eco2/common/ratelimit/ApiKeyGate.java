package eco2.common.ratelimit;

import eco2.common.error.Forbidden;
import eco2.common.error.QuotaExceeded;
import eco2.common.error.RateLimited;
import eco2.common.error.Unauthorized;
import eco2.common.error.Unavailable;
import eco2.common.http.ClientIp;
import eco2.common.http.KeyRoute;
import eco2.common.security.ApiKeyFormat;
import eco2.common.security.ApiKeyLookup;
import eco2.common.security.ApiKeyRecord;
import eco2.common.security.Authenticator;
import eco2.common.security.KeyPrincipal;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The gate for requests with {@code X-API-Key}, in the order that costs least: a route that is not key ok is 401
 * with no lookup; a key whose checksum fails is 401 with no lookup; then one Redis round trip verifies the key and
 * takes from its tier's bucket and its month's quota. Only a key Redis does not know is asked of auth (which writes
 * the answer back to Redis), and then the round trip runs once more. Redis or auth unreachable fails closed (503):
 * a key that cannot be checked is never let in.
 */
public final class ApiKeyGate {
    public static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyGate.class);

    private final TokenBucket bucket;
    private final ApiKeyLookup lookup;
    private final Authenticator authenticator;
    private final KeyRoute.Table routes;
    private final boolean charge;
    private final Clock clock;
    private final Counter redisChecks;
    private final Counter authLookups;

    public ApiKeyGate(
            TokenBucket bucket,
            ApiKeyLookup lookup,
            Authenticator authenticator,
            List<KeyRoute> routes,
            boolean charge,
            Clock clock,
            MeterRegistry registry) {
        this.bucket = bucket;
        this.lookup = lookup;
        this.authenticator = authenticator;
        this.routes = new KeyRoute.Table(routes);
        this.charge = charge;
        this.clock = clock;
        this.redisChecks = lookups(registry, "redis");
        this.authLookups = lookups(registry, "auth");
    }

    private static Counter lookups(MeterRegistry registry, String source) {
        return Counter.builder("eco2_api_key_lookups")
                .description("API key checks that reached Redis or auth (a malformed key reaches neither)")
                .tag("source", source)
                .register(registry);
    }

    /** Admits the request with a {@link KeyPrincipal} for handlers, or throws the error the client gets. */
    public void handle(Context ctx, String key, RateLimitPolicy ipPolicy) {
        KeyRoute route = routes.find(ctx.method(), ctx.path());
        if (route == null) throw new Unauthorized("This endpoint does not accept API keys; send a bearer token");
        if (ctx.header("Authorization") != null) {
            throw new Unauthorized("Send either a bearer token or an API key, not both");
        }
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(key.trim());
        if (parsed == null) throw new Unauthorized("Invalid API key");
        MonthStamp stamp = month();
        QuotaMonth month = stamp.month();
        TokenBucket.KeyCheck check = new TokenBucket.KeyCheck(
                parsed.prefix(), parsed.sha256(), stamp.tag(), month.secondsLeft(), route.minTier());
        String ip = "ip:" + ClientIp.meteredAs(ctx);
        TokenBucket.KeyDecision decision = check(check, ipPolicy, ip);
        if (decision.verdict() == TokenBucket.Verdict.MISS && decision.allowed()) {
            authLookups.increment();
            if (!lookup.lookup(parsed.prefix(), parsed.sha256())) throw new Unauthorized(invalid());
            decision = check(check, ipPolicy, ip);
            if (decision.verdict() == TokenBucket.Verdict.MISS) {
                throw new Unavailable("API keys cannot be checked right now; try again shortly");
            }
        }
        switch (decision.verdict()) {
            case MISS, REFUSED -> {
                if (!decision.allowed()) throw new RateLimited("Too many requests", decision.retryAfterSeconds());
                throw new Unauthorized(invalid());
            }
            case FORBIDDEN ->
                throw new Forbidden("This needs a " + route.minTier().key() + " API key or higher");
            default -> {}
        }
        ApiKeyRecord record = ApiKeyRecord.decodeValid(decision.record());
        if (record == null || !ApiKeyFormat.sameHash(record.sha256(), parsed.sha256())) {
            throw new Unauthorized(invalid());
        }
        ctx.header("RateLimit-Limit", Integer.toString(decision.limit()));
        ctx.header("RateLimit-Remaining", Long.toString(decision.remaining()));
        ctx.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        ctx.header("X-Quota-Limit", Long.toString(decision.quota()));
        ctx.header("X-Quota-Remaining", Long.toString(Math.max(0, decision.quota() - decision.used())));
        ctx.header("X-Quota-Reset", Long.toString(month.secondsLeft()));
        switch (decision.verdict()) {
            case LIMITED -> throw new RateLimited("Too many requests", decision.retryAfterSeconds());
            case QUOTA ->
                throw new QuotaExceeded(
                        "This API key has used its monthly quota of " + decision.quota() + " requests",
                        month.secondsLeft());
            default -> {}
        }
        authenticator.rememberKey(
                ctx,
                new KeyPrincipal(record.keyId(), parsed.prefix(), record.tier(), record.userId(), record.familyId()));
    }

    /** The quota month, worked out once a second rather than on every request. */
    private record MonthStamp(long second, QuotaMonth month, String tag) {}

    private volatile MonthStamp stamp = new MonthStamp(-1, null, null);

    private MonthStamp month() {
        java.time.Instant now = clock.instant();
        MonthStamp current = stamp;
        if (current.second() == now.getEpochSecond()) return current;
        QuotaMonth month = QuotaMonth.at(now);
        current = new MonthStamp(now.getEpochSecond(), month, month.tag());
        stamp = current;
        return current;
    }

    private TokenBucket.KeyDecision check(TokenBucket.KeyCheck check, RateLimitPolicy ipPolicy, String ip) {
        redisChecks.increment();
        try {
            return bucket.takeForKey(check, ipPolicy, ip, charge);
        } catch (JedisException e) {
            log.warn("API key check unavailable: {}", e.toString());
            throw new Unavailable("API keys cannot be checked right now; try again shortly");
        }
    }

    private static String invalid() {
        return "Invalid, revoked or expired API key";
    }
}
