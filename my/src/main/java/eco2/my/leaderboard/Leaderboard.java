package eco2.my.leaderboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

/**
 * The weekly board: a Redis sorted set per ISO week, incremented with every award after it commits. The
 * ledger is the truth: a board Redis lost is rebuilt from it on the next read. Increments only touch a board
 * that exists, so a lost board is never replaced by a partial one.
 */
public final class Leaderboard {
    private static final Logger log = LoggerFactory.getLogger(Leaderboard.class);
    private static final String INCREMENT_IF_PRESENT =
            "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2]) end "
                    + "return false";

    private final RedisClient redis;
    private final Jdbi jdbi;
    private final Clock clock;

    public Leaderboard(RedisClient redis, Jdbi jdbi, Clock clock) {
        this.redis = redis;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One row of the board. */
    public record Entry(long rank, UUID userId, String nickname, long points) {}

    /** The caller's place; rank null when they have no points this week. */
    public record Mine(Long rank, long points) {}

    /** The top {@code limit} and the caller. */
    public record Board(List<Entry> items, Mine me) {}

    /** Best effort after a commit: a failure leaves the board short until it is rebuilt. */
    public void add(UUID userId, long points) {
        try {
            redis.eval(
                    INCREMENT_IF_PRESENT,
                    List.of(Week.of(clock.instant()).key()),
                    List.of(Long.toString(points), userId.toString()));
        } catch (JedisException e) {
            log.warn("leaderboard increment for {} failed: {}", userId, e.toString());
        }
    }

    public void remove(UUID userId) {
        try {
            redis.zrem(Week.of(clock.instant()).key(), userId.toString());
        } catch (JedisException e) {
            log.warn("leaderboard removal for {} failed: {}", userId, e.toString());
        }
    }

    public Board weekly(UUID caller, int limit) {
        Week week = Week.of(clock.instant());
        if (!redis.exists(week.key())) rebuild(week);
        List<Tuple> top = redis.zrangeWithScores(
                week.key(), ZRangeParams.zrangeParams(0, limit - 1).rev());
        Map<UUID, String> names = new HashMap<>();
        UUID[] ids = top.stream().map(t -> UUID.fromString(t.getElement())).toArray(UUID[]::new);
        jdbi.withExtension(LeaderboardRepository.class, repo -> repo.nicknames(ids))
                .forEach(n -> names.put(n.userId(), n.nickname()));
        List<Entry> items = new ArrayList<>();
        for (Tuple entry : top) {
            UUID id = UUID.fromString(entry.getElement());
            // A deleted user can be re-added by an award that was in flight when they left: never show them.
            if (names.containsKey(id))
                items.add(new Entry(items.size() + 1, id, names.get(id), (long) entry.getScore()));
        }
        Long rank = redis.zrevrank(week.key(), caller.toString());
        Double score = redis.zscore(week.key(), caller.toString());
        return new Board(items, new Mine(rank == null ? null : rank + 1, score == null ? 0 : score.longValue()));
    }

    /** Builds the week aside and moves it in only if no board appeared meanwhile. */
    private void rebuild(Week week) {
        List<LeaderboardRepository.Score> scores =
                jdbi.withExtension(LeaderboardRepository.class, repo -> repo.weekScores(week.start(), week.end()));
        if (scores.isEmpty()) return;
        String staging = week.key() + ":rebuild:" + UUID.randomUUID();
        Map<String, Double> members = new HashMap<>();
        scores.forEach(s -> members.put(s.userId().toString(), (double) s.points()));
        redis.zadd(staging, members);
        redis.expireAt(staging, week.expiresAt().getEpochSecond());
        if (redis.renamenx(staging, week.key()) == 0) redis.del(staging);
        log.info("rebuilt {} from the ledger: {} users", week.key(), scores.size());
    }
}
