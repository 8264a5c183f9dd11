package eco2.my.events;

/**
 * An event whose {@code data} breaks its contract. Thrown from a handler, it rolls the transaction back, so the
 * event is not marked processed and, after the consumer's retries, is parked in the dead-letter queue with this
 * message, where someone can read why.
 */
public final class InvalidEvent extends IllegalArgumentException {
    public InvalidEvent(String type, String problem) {
        super(type + ": " + problem);
    }
}
