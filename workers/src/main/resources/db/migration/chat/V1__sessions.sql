-- Chat sessions and their messages. The user message is stored when the request arrives; the assistant's when
-- its answer ends, or with finish_reason 'cancelled' and the text so far when the client went away.
CREATE TABLE sessions (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL,
    title           text        NOT NULL,
    message_count   int         NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_recent_idx ON sessions (user_id, last_message_at DESC, id DESC);

CREATE TABLE messages (
    id            uuid PRIMARY KEY,
    session_id    uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    role          text        NOT NULL CHECK (role IN ('user', 'assistant')),
    content       text        NOT NULL,
    intent        text,
    sources       jsonb       NOT NULL DEFAULT '[]',
    finish_reason text,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX messages_session_idx ON messages (session_id, created_at, id);

CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
