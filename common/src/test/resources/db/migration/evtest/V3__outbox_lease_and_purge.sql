-- Issue 15 (items 11, 12): the relay claims rows with a short lease instead of holding row locks while it talks to
-- the broker, backs off rows the broker returned (no queue bound yet), and a scheduled purge drops published rows
-- after the retention period (OUTBOX_RETENTION_DAYS).
ALTER TABLE outbox
    ADD COLUMN available_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN attempts     integer     NOT NULL DEFAULT 0;
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
