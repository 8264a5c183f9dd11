package eco2.auth.apikeys;

import eco2.common.security.ApiKeyRecord;
import eco2.common.security.ApiTier;
import java.time.Duration;
import java.util.HexFormat;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Auth's side of {@code apikey:{prefix}} in Redis, where every service checks keys. Create, rotate and revoke
 * overwrite the record, so a revocation reaches every service with the next request; a lookup only fills a missing
 * record (SET NX), so an answer read from the database just before a revocation cannot overwrite its tombstone.
 * Throws a Jedis exception when Redis is down; callers decide.
 */
public final class ApiKeyRecords {
    /** How long a record lives without being rewritten; a miss after that asks auth again. */
    static final Duration TTL = Duration.ofMinutes(10);
    /** Unknown prefixes (well-formed keys that were never issued) are remembered briefly. */
    static final Duration UNKNOWN_TTL = Duration.ofMinutes(1);

    private final RedisClient redis;

    public ApiKeyRecords(RedisClient redis) {
        this.redis = redis;
    }

    static ApiKeyRecord of(ApiKey key) {
        if (key.revokedAt() != null) return ApiKeyRecord.tombstone(ApiKeyRecord.Status.REVOKED);
        return new ApiKeyRecord(
                ApiKeyRecord.Status.OK,
                HexFormat.of().formatHex(key.keyHash()),
                ApiTier.parse(key.tier()).orElseThrow(),
                key.familyId(),
                key.userId(),
                key.id(),
                key.expiresAt() == null ? 0 : key.expiresAt().getEpochSecond());
    }

    /** Overwrites: the database changed (create, rotate, revoke). */
    public void write(ApiKey key) {
        redis.set(
                ApiKeyRecord.redisKey(key.prefix()),
                of(key).encode(),
                SetParams.setParams().ex(TTL.toSeconds()));
    }

    public void revoked(String prefix) {
        redis.set(
                ApiKeyRecord.redisKey(prefix),
                ApiKeyRecord.tombstone(ApiKeyRecord.Status.REVOKED).encode(),
                SetParams.setParams().ex(TTL.toSeconds()));
    }

    /** Fills a missing record after a lookup; never replaces one. */
    public void fill(String prefix, ApiKey key) {
        String value = key == null
                ? ApiKeyRecord.tombstone(ApiKeyRecord.Status.UNKNOWN).encode()
                : of(key).encode();
        Duration ttl = key == null ? UNKNOWN_TTL : TTL;
        redis.set(
                ApiKeyRecord.redisKey(prefix), value, SetParams.setParams().nx().ex(ttl.toSeconds()));
    }
}
