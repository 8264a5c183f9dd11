package eco2.my.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for rebuilding a week's board from the ledger, and for the nicknames shown on it. */
@RegisterConstructorMapper(LeaderboardRepository.Score.class)
public interface LeaderboardRepository {
    /** A user's points in a period. */
    record Score(UUID userId, long points) {}

    @SqlQuery("SELECT l.user_id, sum(l.delta) AS points FROM points_ledger l JOIN profiles p ON p.user_id = l.user_id "
            + "WHERE l.created_at >= :from AND l.created_at < :to AND p.deleted_at IS NULL GROUP BY l.user_id")
    List<Score> weekScores(@Bind("from") Instant from, @Bind("to") Instant to);

    /** Nicknames of the given users that still have a profile. */
    @SqlQuery("SELECT user_id, nickname FROM profiles WHERE user_id = ANY(:ids) AND deleted_at IS NULL")
    @RegisterConstructorMapper(Named.class)
    List<Named> nicknames(@Bind("ids") UUID[] ids);

    /** A user id and nickname. */
    record Named(UUID userId, String nickname) {}
}
