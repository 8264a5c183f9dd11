-- Consumer side, as every consuming service declares it: one row per applied event id.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- What the test handlers do, so tests can count effects.
CREATE TABLE effects (
    id       bigserial PRIMARY KEY,
    event_id uuid NOT NULL,
    note     text
);
