-- Points only ever change through this ledger. source_event_id is unique, so a replayed event (or a second
-- check-in the same day, whose id is derived from user and date) can never pay twice.
CREATE TABLE points_ledger (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES profiles (user_id),
    delta           int         NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('scan', 'recycle', 'check_in', 'invite')),
    source_event_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT points_ledger_source_key UNIQUE (source_event_id)
);
CREATE INDEX points_ledger_user_idx ON points_ledger (user_id, created_at);

-- The activity feed, newest first; (created_at, id) makes the cursor stable under concurrent inserts.
CREATE TABLE activities (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES profiles (user_id),
    action        text        NOT NULL CHECK (action IN ('scan', 'recycle', 'check_in', 'invite', 'level_up',
                                                         'character_unlocked')),
    points_earned int         NOT NULL DEFAULT 0,
    metadata      jsonb       NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX activities_feed_idx ON activities (user_id, created_at DESC, id DESC);
