-- Scan tasks: one row per POST /scan, with each pipeline stage's outcome stored as it completes, so a worker
-- killed mid-task resumes from the first stage without an outcome and the task still ends exactly once.
CREATE TABLE tasks (
    id             uuid PRIMARY KEY,
    user_id        uuid,                    -- a bearer caller; null for API-key callers
    caller         text        NOT NULL,    -- 'user:<uuid>' or 'key:<prefix>': who may read the task
    input_text     text,
    region         text,
    has_image      boolean     NOT NULL,
    status         text        NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    stage          text        NOT NULL DEFAULT 'queued'
                   CHECK (stage IN ('queued', 'vision', 'rule', 'answer', 'reward', 'done')),
    progress       int         NOT NULL DEFAULT 0,
    classification jsonb,                   -- vision: what the input is
    facts          jsonb,                   -- rule: the guide's steps for it (and the region's rule)
    answer         text,                    -- answer: the text shown to the person
    paying         boolean,                 -- reward: decided once, under the daily cap
    unlocked       jsonb,                   -- reward: the character this scan unlocked, if any
    result         jsonb,
    error_code     text,
    error_message  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
CREATE INDEX tasks_user_idx ON tasks (user_id) WHERE user_id IS NOT NULL;

-- The uploaded photo, only until its task ends (then deleted: only the result is kept).
CREATE TABLE images (
    task_id      uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    content_type text  NOT NULL,
    bytes        bytea NOT NULL
);

-- Idempotency-Key per caller, kept 24 h: the same key and body give the same task, a different body 409.
CREATE TABLE idempotency_keys (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    task_id      uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- Paying scans per user per Asia/Seoul day; the conditional upsert makes the cap exact under concurrency.
CREATE TABLE daily_paid (
    user_id uuid NOT NULL,
    day     date NOT NULL,
    paid    int  NOT NULL,
    PRIMARY KEY (user_id, day)
);

CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE published_at IS NULL;

CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
