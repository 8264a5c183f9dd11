package eco2.workers.character;

import eco2.common.events.OutboxWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who owns which character. An unlock inserts the ownership once; only a real insert publishes
 * {@code character.unlocked}, in the same transaction, so a retried scan never announces it twice.
 */
public final class CharacterService {
    public static final String UNLOCKED = "character.unlocked";

    private final Jdbi jdbi;
    private final OutboxWriter outbox;

    public CharacterService(Jdbi jdbi, OutboxWriter outbox) {
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    public List<Character> page(int limit, int offset) {
        return jdbi.withExtension(CharacterRepository.class, repo -> repo.page(limit, offset));
    }

    public int count() {
        return jdbi.withExtension(CharacterRepository.class, CharacterRepository::count);
    }

    public List<OwnedCharacter> owned(UUID userId) {
        return jdbi.withExtension(CharacterRepository.class, repo -> repo.owned(userId));
    }

    /**
     * The character {@code taskId} unlocked for {@code userId} by scanning an item of {@code subcategory}: newly
     * now, or already by this same task (a resumed task gets the same answer); empty when nothing new unlocks.
     */
    public Optional<Character> unlockByScan(UUID userId, String subcategory, UUID taskId) {
        if (subcategory == null) return Optional.empty();
        return jdbi.inTransaction(tx -> {
            CharacterRepository repo = tx.attach(CharacterRepository.class);
            Optional<Character> character = repo.forSubcategory(subcategory);
            if (character.isEmpty()) return Optional.empty();
            String code = character.get().code();
            if (repo.own(userId, code, "scan", taskId) == 1) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("user_id", userId.toString());
                event.put("task_id", taskId.toString());
                event.put("code", code);
                event.put("name", character.get().name());
                outbox.append(tx, UNLOCKED, event);
                return character;
            }
            return repo.unlockedBy(userId, code).filter(taskId::equals).flatMap(same -> character);
        });
    }

    /** user.registered: every account starts with the default character (이코). */
    public void grantDefaults(Handle tx, UUID userId) {
        CharacterRepository repo = tx.attach(CharacterRepository.class);
        repo.defaults().forEach(c -> repo.own(userId, c.code(), "default", null));
    }

    public void purge(Handle tx, UUID userId) {
        tx.attach(CharacterRepository.class).deleteForUser(userId);
    }
}
