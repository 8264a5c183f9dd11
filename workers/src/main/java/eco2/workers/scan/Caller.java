package eco2.workers.scan;

import java.util.UUID;

/** Who a scan belongs to: a signed-in user (id {@code user:<uuid>}), later also an API key ({@code key:<prefix>}). */
public record Caller(String id, UUID userId) {
    public static Caller user(UUID userId) {
        return new Caller("user:" + userId, userId);
    }
}
