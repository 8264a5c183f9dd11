-- The one definition of processed_events: EventConsumer records each applied event id in the effect's transaction,
-- so a redelivery has no second effect. Idempotent.
CREATE TABLE IF NOT EXISTS processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
