-- Profiles are keyed by the auth user id; created from user.registered, or lazily on first GET /me.
CREATE TABLE profiles (
    user_id        uuid PRIMARY KEY,
    nickname       text        NOT NULL,
    avatar_url     text,
    bio            text        NOT NULL DEFAULT '',
    points         bigint      NOT NULL DEFAULT 0 CHECK (points >= 0),
    level          int         NOT NULL DEFAULT 1,
    total_scans    int         NOT NULL DEFAULT 0,
    total_recycles int         NOT NULL DEFAULT 0,
    invite_code    text        NOT NULL,
    deleted_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT profiles_invite_code_key UNIQUE (invite_code)
);

-- Consumer side of the event backbone: one row per applied event id.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Events this service publishes, written in the same transaction as the change.
CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE published_at IS NULL;
