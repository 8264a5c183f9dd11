-- Consumer side of the event backbone (the notification worker consumes notification.email): one row per
-- applied event id, so a redelivered event sends no second mail.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
