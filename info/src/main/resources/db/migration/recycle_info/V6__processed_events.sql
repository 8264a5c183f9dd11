-- Consumer side of the event backbone (info consumes user.deleted): one row per applied event id.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
