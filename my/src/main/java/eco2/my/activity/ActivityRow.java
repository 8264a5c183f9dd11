package eco2.my.activity;

import java.time.Instant;
import java.util.UUID;

/** A row of users.activities, metadata still as JSON text. */
public record ActivityRow(UUID id, String action, int pointsEarned, String metadata, Instant createdAt) {}
