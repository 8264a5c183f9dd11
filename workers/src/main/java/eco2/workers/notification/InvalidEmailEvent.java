package eco2.workers.notification;

/**
 * A notification.email event that no retry can fix (no recipient, an unknown template...). It still takes the
 * consumer's retry path and ends in the dead-letter queue, where someone can look at it. The message names the
 * field, never its value: addresses are personal data and end up in logs and DLQ headers.
 */
public final class InvalidEmailEvent extends RuntimeException {
    public InvalidEmailEvent(String message) {
        super(message);
    }
}
