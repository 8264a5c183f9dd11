package eco2.my.points;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.Conflict;
import eco2.common.error.NotFound;
import eco2.common.events.OutboxWriter;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.common.redis.Prefetched;
import eco2.my.activity.ActivityService;
import eco2.my.leaderboard.Leaderboard;
import eco2.my.profile.ProfileService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Pays points through the ledger: the entry, the balance, the activity, any level-up and the
 * {@code points.awarded} event all commit in the caller's transaction, and a source pays at most once.
 */
public final class PointsService {
    public static final int CHECK_IN_POINTS = 5;
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Jdbi jdbi;
    private final ProfileService profiles;
    private final ActivityService activities;
    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Leaderboard leaderboard;
    private final DocumentCache pointsCache;

    public PointsService(
            Jdbi jdbi,
            ProfileService profiles,
            ActivityService activities,
            OutboxWriter outbox,
            ObjectMapper mapper,
            Clock clock,
            Leaderboard leaderboard,
            DocumentCache pointsCache) {
        this.jdbi = jdbi;
        this.pointsCache = pointsCache;
        this.profiles = profiles;
        this.activities = activities;
        this.outbox = outbox;
        this.leaderboard = leaderboard;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Empty when {@code sourceId} already paid. The caller invalidates caches after its commit. */
    public Optional<Award> award(
            Handle handle, UUID userId, int delta, String reason, UUID sourceId, Map<String, Object> metadata) {
        PointsRepository points = handle.attach(PointsRepository.class);
        if (points.record(UUID.randomUUID(), userId, delta, reason, sourceId) == 0) return Optional.empty();
        long balance = points.applyToBalance(userId, delta, reason);
        int before = Levels.of(balance - delta);
        int after = Levels.of(balance);
        activities.record(handle, userId, reason, delta, metadata);
        if (after != before) {
            points.setLevel(userId, after);
            activities.record(handle, userId, "level_up", 0, Map.of("level", after));
        }
        outbox.append(
                handle, PointsAwarded.TYPE, new PointsAwarded(userId, delta, reason, balance, after, after != before));
        handle.afterCommit(() -> {
            leaderboard.add(userId, delta);
            pointsCache.invalidate(userId);
        });
        return Optional.of(new Award(userId, delta, balance, after, after != before));
    }

    /**
     * +5 once per calendar day in Seoul. The ledger source id is derived from user and date, so of any number of
     * concurrent calls exactly one pays; the others get 409.
     */
    public Award checkIn(UUID userId, String username) {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        UUID source = UUID.nameUUIDFromBytes(("check_in:" + userId + ":" + today).getBytes(StandardCharsets.UTF_8));
        // The common repeat costs one index lookup; the unique insert below still decides any race.
        if (jdbi.withExtension(PointsRepository.class, repo -> repo.paid(source))) {
            throw new Conflict("Already checked in today");
        }
        Award award = jdbi.inTransaction(handle -> {
            if (!profiles.ensureActive(handle, userId, username)) throw new NotFound("This profile was deleted");
            return award(handle, userId, CHECK_IN_POINTS, "check_in", source, Map.of("date", today.toString()))
                    .orElseThrow(() -> new Conflict("Already checked in today"));
        });
        profiles.invalidate(userId);
        return award;
    }

    /** The caller's balance, creating the profile if this is their first visit. */
    public long balance(UUID userId, String username) {
        return jdbi.inTransaction(handle -> {
            profiles.ensure(handle, userId, username);
            return handle.attach(PointsRepository.class)
                    .balance(userId)
                    .orElseThrow(() -> new NotFound("This profile was deleted"));
        });
    }

    /** GET /me/points as a document: from {@code user:points:{id}} (5 min) or computed and cached. */
    public String pointsJson(UUID userId, String username, Prefetched prefetched) {
        return pointsCache.read(userId, prefetched, () -> {
            long points = balance(userId, username);
            return Json.write(mapper, new PointsView(points, Levels.of(points), Levels.nextLevelAt(points)));
        });
    }
}
