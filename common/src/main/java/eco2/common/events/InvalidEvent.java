package eco2.common.events;

/**
 * An event whose {@code data} breaks its contract (a missing field, a malformed UUID, a file name the service never
 * makes). Thrown from a handler, it rolls the transaction back, so the event is not marked processed, and the
 * {@link EventConsumer} parks it in the dead-letter queue at once with this message: no retry can fix the payload,
 * and someone can read there why it was refused. The message names the field, never its value, which may be
 * personal data or an attacker's text.
 */
public class InvalidEvent extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEvent(String type, String problem) {
        super(type + ": " + problem);
    }

    /** For a subclass that belongs to one event type and words its messages itself. */
    protected InvalidEvent(String message) {
        super(message);
    }
}
