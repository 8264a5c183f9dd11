package eco2.common.events;

/**
 * A table of the event backbone that a service's schema holds for the code in this package: {@link #OUTBOX} for
 * {@link OutboxWriter} and {@link OutboxRelay}, {@link #PROCESSED_EVENTS} for {@link EventConsumer}. Their DDL is
 * defined once, here in {@code common}, and applied by {@link EventTables} to every schema that declares them in its
 * {@link eco2.common.db.DbSettings}, so the shape the code relies on cannot drift between services.
 */
public enum EventTable {
    OUTBOX("outbox.sql"),
    PROCESSED_EVENTS("processed_events.sql");

    private final String resource;

    EventTable(String resource) {
        this.resource = resource;
    }

    /** The canonical, idempotent DDL, a resource next to this class. */
    String resource() {
        return resource;
    }
}
