package eco2.workers.notification;

import eco2.common.events.InvalidEvent;

/**
 * A notification.email event that no retry can fix (no recipient, an unknown template...). As every
 * {@link InvalidEvent}, the consumer parks it in the dead-letter queue at once, where someone can look at it. The
 * message names the field, never its value: addresses are personal data and end up in logs and DLQ headers.
 */
public final class InvalidEmailEvent extends InvalidEvent {
    private static final long serialVersionUID = 1L;

    public InvalidEmailEvent(String message) {
        super(message);
    }
}
