-- The one definition of the outbox (OutboxWriter writes it in the change's transaction, OutboxRelay publishes it).
-- Idempotent: creates the table, or brings an older shape (from a service's old versioned migrations) up to this one.
CREATE TABLE IF NOT EXISTS outbox (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    available_at timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0
);
DO $$
BEGIN
    -- Issue 15: the relay's lease and back-off (available_at, attempts) and the purge of published rows.
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'outbox' AND column_name = 'available_at') THEN
        ALTER TABLE outbox ADD COLUMN available_at timestamptz NOT NULL DEFAULT now();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'outbox' AND column_name = 'attempts') THEN
        ALTER TABLE outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
    END IF;
    IF to_regclass('outbox_pending_idx') IS NULL THEN
        CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE published_at IS NULL;
    END IF;
    IF to_regclass('outbox_published_idx') IS NULL THEN
        CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
    END IF;
END
$$;
