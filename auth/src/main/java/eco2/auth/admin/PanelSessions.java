package eco2.auth.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.auth.OpaqueTokens;
import eco2.common.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * Panel sessions in Redis under {@code admin:session:{sha256(cookie)}}: the cookie value itself is never stored.
 * Each read slides the 30-minute idle window in the same command (GETEX); the 8-hour cap is checked against the
 * start time. Redis errors propagate: the panel fails closed.
 */
public final class PanelSessions {
    static final String PREFIX = "admin:session:";

    private final RedisClient redis;
    private final ObjectMapper mapper;
    private final AdminSettings settings;
    private final Clock clock;

    public PanelSessions(RedisClient redis, ObjectMapper mapper, AdminSettings settings, Clock clock) {
        this.redis = redis;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores a new session and returns the cookie value that names it. */
    public String create(PanelSession session) {
        String cookie = OpaqueTokens.newToken();
        save(cookie, session);
        return cookie;
    }

    public void save(String cookie, PanelSession session) {
        redis.set(
                key(cookie),
                Json.write(mapper, session),
                SetParams.setParams().px(ttl(session).toMillis()));
    }

    /** The live session named by the cookie, its idle window renewed; empty when unknown, idle or too old. */
    public Optional<PanelSession> find(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 200) return Optional.empty();
        String json = redis.getEx(
                key(cookie), GetExParams.getExParams().px(settings.idle().toMillis()));
        if (json == null) return Optional.empty();
        PanelSession session = Json.read(mapper, json, PanelSession.class);
        if (!clock.instant().isBefore(session.createdAt().plus(settings.absolute()))) {
            redis.del(key(cookie));
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public void delete(String cookie) {
        if (cookie != null && !cookie.isBlank()) redis.del(key(cookie));
    }

    /** Seconds the cookie may live: what is left of the 8 hours. */
    public long cookieMaxAge(PanelSession session) {
        return Math.max(
                0,
                Duration.between(clock.instant(), session.createdAt().plus(settings.absolute()))
                        .toSeconds());
    }

    private Duration ttl(PanelSession session) {
        Duration left = Duration.between(clock.instant(), session.createdAt().plus(settings.absolute()));
        Duration ttl = left.compareTo(settings.idle()) < 0 ? left : settings.idle();
        return ttl.isNegative() || ttl.isZero() ? Duration.ofMillis(1) : ttl;
    }

    private static String key(String cookie) {
        return PREFIX + HexFormat.of().formatHex(OpaqueTokens.hash(cookie));
    }
}
