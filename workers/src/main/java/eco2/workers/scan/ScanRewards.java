package eco2.workers.scan;

import eco2.common.events.OutboxWriter;
import eco2.workers.character.Character;
import eco2.workers.character.CharacterService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The reward stage, in three idempotent steps so a task resumed after a crash pays once: decide {@code paying}
 * (stored once, under the per-day cap), unlock a character (its own schema, inserted once), then finish the task
 * with {@code scan.completed} in the transaction that marks it done.
 */
public final class ScanRewards {
    public static final String COMPLETED = "scan.completed";
    public static final double MIN_CONFIDENCE = 0.5;
    public static final int POINTS = 10;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Jdbi jdbi;
    private final OutboxWriter outbox;
    private final CharacterService characters;
    private final int dailyCap;
    private final Clock clock;

    public ScanRewards(Jdbi jdbi, OutboxWriter outbox, CharacterService characters, int dailyCap, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.characters = characters;
        this.dailyCap = dailyCap;
        this.clock = clock;
    }

    /** Whether this scan pays; decided the first time and read back on every later try. */
    public boolean decidePaying(ScanTask task, Classification seen) {
        return jdbi.inTransaction(tx -> {
            ScanRepository repo = tx.attach(ScanRepository.class);
            Optional<Boolean> decided = repo.lockPaying(task.id());
            if (decided.isPresent()) return decided.get();
            boolean eligible = task.userId() != null && seen.identified() && seen.confidence() >= MIN_CONFIDENCE;
            boolean paying = eligible
                    && repo.countPaid(task.userId(), LocalDate.now(clock.withZone(SEOUL)), dailyCap)
                            .isPresent();
            repo.savePaying(task.id(), paying);
            return paying;
        });
    }

    public Optional<Character> unlock(ScanTask task, Classification seen, boolean paying) {
        if (!paying) return Optional.empty();
        return characters.unlockByScan(task.userId(), seen.subcategory(), task.id());
    }

    /** Marks the task done; returns false when another delivery already finished it (nothing is sent twice). */
    public boolean finish(ScanTask task, Classification seen, boolean paying, String unlockedJson, String resultJson) {
        return jdbi.inTransaction(tx -> {
            ScanRepository repo = tx.attach(ScanRepository.class);
            if (repo.finish(task.id(), unlockedJson, resultJson) == 0) return false;
            repo.deleteImage(task.id());
            if (task.userId() != null) outbox.append(tx, COMPLETED, completed(task, seen, paying));
            return true;
        });
    }

    private static Map<String, Object> completed(ScanTask task, Classification seen, boolean paying) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", task.id().toString());
        data.put("user_id", task.userId().toString());
        data.put("item_id", seen.itemId() == null ? null : seen.itemId().toString());
        data.put("category", seen.category());
        data.put("paying", paying);
        return data;
    }
}
