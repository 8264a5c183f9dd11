package eco2.common.testing;

import eco2.common.events.EventTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The shape of a schema's event tables as PostgreSQL reports it (columns from information_schema, indexes from
 * pg_indexes), so tests can compare a schema against the one definition in common whatever path created it.
 */
public final class EventTableShape {
    /** What {@code outbox} and {@code processed_events} look like in every schema that declares them. */
    public static final List<String> CANONICAL = List.of(
            "outbox.id uuid NOT NULL",
            "outbox.type text NOT NULL",
            "outbox.payload jsonb NOT NULL",
            "outbox.created_at timestamp with time zone NOT NULL DEFAULT now()",
            "outbox.published_at timestamp with time zone NULL",
            "outbox.available_at timestamp with time zone NOT NULL DEFAULT now()",
            "outbox.attempts integer NOT NULL DEFAULT 0",
            "processed_events.event_id uuid NOT NULL",
            "processed_events.event_type text NOT NULL",
            "processed_events.processed_at timestamp with time zone NOT NULL DEFAULT now()",
            "index outbox_pending_idx: CREATE INDEX outbox_pending_idx ON S.outbox USING btree (created_at, id)"
                    + " WHERE (published_at IS NULL)",
            "index outbox_pkey: CREATE UNIQUE INDEX outbox_pkey ON S.outbox USING btree (id)",
            "index outbox_published_idx: CREATE INDEX outbox_published_idx ON S.outbox USING btree (published_at)"
                    + " WHERE (published_at IS NOT NULL)",
            "index processed_events_pkey: CREATE UNIQUE INDEX processed_events_pkey ON S.processed_events"
                    + " USING btree (event_id)");

    private EventTableShape() {}

    /** The canonical lines of just {@code tables}. */
    public static List<String> canonical(Set<EventTable> tables) {
        return CANONICAL.stream()
                .filter(line -> tables.stream().anyMatch(t -> {
                    String name = t.name().toLowerCase(Locale.ROOT);
                    return line.startsWith(name + ".") || line.startsWith("index " + name + "_");
                }))
                .toList();
    }

    /** Columns in table order, then indexes by name, with the schema name written as {@code S}. */
    public static List<String> of(Jdbi jdbi, String schema) {
        return jdbi.withHandle(h -> {
            List<String> shape =
                    new ArrayList<>(h.createQuery("SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
                                    + " || CASE WHEN is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END"
                                    + " || COALESCE(' DEFAULT ' || column_default, '')"
                                    + " FROM information_schema.columns"
                                    + " WHERE table_schema = :schema AND table_name IN ('outbox', 'processed_events')"
                                    + " ORDER BY table_name, ordinal_position")
                            .bind("schema", schema)
                            .mapTo(String.class)
                            .list());
            shape.addAll(h.createQuery(
                            "SELECT 'index ' || indexname || ': ' || replace(indexdef, quote_ident(:schema) || '.', 'S.')"
                                    + " FROM pg_indexes"
                                    + " WHERE schemaname = :schema AND tablename IN ('outbox', 'processed_events')"
                                    + " ORDER BY indexname")
                    .bind("schema", schema)
                    .mapTo(String.class)
                    .list());
            return shape;
        });
    }
}
