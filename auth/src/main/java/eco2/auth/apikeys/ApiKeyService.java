package eco2.auth.apikeys;

import eco2.auth.OpaqueTokens;
import eco2.common.error.Conflict;
import eco2.common.error.Forbidden;
import eco2.common.error.NotFound;
import eco2.common.error.Unauthorized;
import eco2.common.error.Unavailable;
import eco2.common.ratelimit.QuotaMonth;
import eco2.common.ratelimit.TokenBucket;
import eco2.common.security.ApiKeyFormat;
import eco2.common.security.ApiTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * API keys' lifecycle: create (up to the account's entitlement, at most 10 active), list, revoke, rotate with a
 * grace, usage; and the lookup other services make for a key Redis does not know. Every change is written to Redis
 * ({@link ApiKeyRecords}) after it commits, which is how services learn of it.
 */
public final class ApiKeyService {
    static final int MAX_ACTIVE = 10;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final Jdbi jdbi;
    private final ApiKeyRecords records;
    private final TokenBucket meter;
    private final Clock clock;

    public ApiKeyService(Jdbi jdbi, ApiKeyRecords records, TokenBucket meter, Clock clock) {
        this.jdbi = jdbi;
        this.records = records;
        this.meter = meter;
        this.clock = clock;
    }

    public NewKeyView create(UUID userId, CreateKeyRequest request) {
        ApiTier tier = request.tierOrFree();
        String key = ApiKeySecrets.newKey();
        ApiKey created = jdbi.inTransaction(tx -> {
            ApiKeyRepository repo = tx.attach(ApiKeyRepository.class);
            checkEntitled(repo, userId, tier);
            if (repo.countActive(userId) >= MAX_ACTIVE) {
                throw new Conflict("An account may have at most " + MAX_ACTIVE + " active API keys; revoke one first");
            }
            UUID id = UUID.randomUUID();
            repo.insert(id, userId, id, request.name().strip(), ApiKeySecrets.prefixOf(key), hash(key), tier.key());
            return repo.find(id).orElseThrow();
        });
        publish(created);
        return shown(created, key);
    }

    public KeyList list(UUID userId) {
        return new KeyList(jdbi.withExtension(ApiKeyRepository.class, repo -> repo.listOf(userId)).stream()
                .map(KeyView::of)
                .toList());
    }

    /** Idempotent: revoking a revoked key writes its tombstone again, so a retry after a Redis failure completes. */
    public void revoke(UUID userId, UUID id) {
        revokeFound(repo -> repo.lockOwned(id, userId));
    }

    /** An admin's revocation, of any account's key; the key as it was found. */
    public ApiKey revokeAny(UUID id) {
        return revokeFound(repo -> repo.lock(id));
    }

    /**
     * Every live key of an account (deactivation), at once: the tombstones are written first, so the keys stop at
     * every service before anything else changes (without Redis nothing changes: 503), then the rows, then the
     * tombstone of any key made in between.
     */
    public void revokeAllOf(UUID userId) {
        List<String> live = jdbi.withExtension(ApiKeyRepository.class, repo -> repo.livePrefixesOf(userId));
        tombstones(live);
        List<String> revoked = jdbi.withExtension(ApiKeyRepository.class, repo -> repo.revokeAllOf(userId));
        tombstones(revoked.stream().filter(prefix -> !live.contains(prefix)).toList());
    }

    /** The account's entitlement (the highest tier its keys may have); keys it already has keep their tier. */
    public void setEntitlement(UUID userId, ApiTier tier) {
        if (jdbi.withExtension(ApiKeyRepository.class, repo -> repo.setEntitlement(userId, tier.key())) == 0) {
            throw new NotFound("No such user");
        }
    }

    public ApiTier entitlement(UUID userId) {
        return jdbi.withExtension(ApiKeyRepository.class, repo -> repo.entitlement(userId))
                .flatMap(ApiTier::parse)
                .orElseThrow(() -> new NotFound("No such user"));
    }

    private ApiKey revokeFound(Function<ApiKeyRepository, Optional<ApiKey>> find) {
        ApiKey key = jdbi.inTransaction(tx -> {
            ApiKeyRepository repo = tx.attach(ApiKeyRepository.class);
            ApiKey found = find.apply(repo).orElseThrow(ApiKeyService::notFound);
            repo.revoke(found.id());
            return found;
        });
        tombstones(List.of(key.prefix()));
        return key;
    }

    private void tombstones(List<String> prefixes) {
        for (String prefix : prefixes) {
            try {
                records.revoked(prefix);
            } catch (JedisException e) {
                log.warn("revocation of {} not yet in Redis: {}", prefix, e.toString());
                throw new Unavailable("The key is revoked, but services cannot be told yet; repeat the request");
            }
        }
    }

    /** A new key in the same family (quota, bucket, data); the old one works until the grace ends. */
    public NewKeyView rotate(UUID userId, UUID id, RotateRequest request) {
        String key = ApiKeySecrets.newKey();
        Instant graceEnds = clock.instant().plus(Duration.ofHours(request.hours()));
        ApiKey[] both = jdbi.inTransaction(tx -> {
            ApiKeyRepository repo = tx.attach(ApiKeyRepository.class);
            String entitlement = repo.lockEntitlement(userId).orElseThrow(ApiKeyService::inactive);
            ApiKey old = repo.lockOwned(id, userId).orElseThrow(ApiKeyService::notFound);
            if (!old.activeAt(clock.instant()) || old.rotatedTo() != null) {
                throw new Conflict("Only an active key that has not been rotated yet can be rotated");
            }
            ApiTier tier = ApiTier.parse(old.tier()).orElseThrow();
            if (!ApiTier.parse(entitlement).orElseThrow().includes(tier)) throw notEntitled(entitlement);
            UUID next = UUID.randomUUID();
            repo.insert(next, userId, old.familyId(), old.name(), ApiKeySecrets.prefixOf(key), hash(key), old.tier());
            repo.rotate(old.id(), next, graceEnds);
            return new ApiKey[] {
                repo.find(next).orElseThrow(), repo.find(old.id()).orElseThrow()
            };
        });
        publish(both[0]);
        publish(both[1]);
        return shown(both[0], key);
    }

    public UsageView usage(UUID userId, UUID id) {
        ApiKey key = jdbi.withExtension(ApiKeyRepository.class, repo -> repo.find(id))
                .filter(k -> k.userId().equals(userId))
                .orElseThrow(ApiKeyService::notFound);
        ApiTier tier = ApiTier.parse(key.tier()).orElseThrow();
        QuotaMonth month = QuotaMonth.at(clock.instant());
        long used;
        try {
            used = meter.usedIn(key.familyId(), month.tag());
        } catch (JedisException e) {
            throw new Unavailable("Usage cannot be read right now");
        }
        return new UsageView(month.label(), used, tier.monthlyQuota(), tier.perMinute());
    }

    /** For a service whose Redis has no record of this prefix: puts the database's answer there, and judges. */
    public boolean lookup(String prefix, String sha256) {
        ApiKey key = jdbi.withExtension(ApiKeyRepository.class, repo -> repo.findByPrefix(prefix))
                .orElse(null);
        try {
            records.fill(prefix, key);
        } catch (JedisException e) {
            throw new Unavailable("API keys cannot be checked right now");
        }
        return key != null
                && key.activeAt(clock.instant())
                && ApiKeyFormat.sameHash(HexFormat.of().formatHex(key.keyHash()), sha256);
    }

    private void publish(ApiKey key) {
        try {
            records.write(key);
        } catch (JedisException e) {
            // Services ask auth on the first miss, which fills the record from the database.
            log.warn("API key {} not written to Redis: {}", key.prefix(), e.toString());
        }
    }

    private static void checkEntitled(ApiKeyRepository repo, UUID userId, ApiTier wanted) {
        String entitlement = repo.lockEntitlement(userId).orElseThrow(ApiKeyService::inactive);
        if (!ApiTier.parse(entitlement).orElseThrow().includes(wanted)) throw notEntitled(entitlement);
    }

    private static Forbidden notEntitled(String entitlement) {
        return new Forbidden("This account may create API keys up to the " + entitlement + " tier");
    }

    private static NewKeyView shown(ApiKey created, String key) {
        return new NewKeyView(created.id(), created.name(), key, created.prefix(), created.tier(), created.createdAt());
    }

    private static byte[] hash(String key) {
        return OpaqueTokens.hash(key);
    }

    private static NotFound notFound() {
        return new NotFound("No such API key");
    }

    private static Unauthorized inactive() {
        return new Unauthorized("This account is not active");
    }
}
