-- API keys for integrators (issue 14). Versioned far above the rest so parallel branches cannot take the number.
-- The tier an account may create keys up to: free unless an admin raised it.
ALTER TABLE users ADD COLUMN api_key_entitlement text NOT NULL DEFAULT 'free'
    CHECK (api_key_entitlement IN ('free', 'pro', 'enterprise'));

-- Only the SHA-256 of a key and its prefix (eco2_<id>) are kept. family_id is shared by a key and the keys rotated
-- from it: the monthly quota, the rate bucket and what the key creates elsewhere belong to the family. A rotated
-- key keeps working until expires_at (the grace); a revoked key stops at once.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id    uuid        NOT NULL,
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    key_hash     bytea       NOT NULL,
    tier         text        NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    rotated_to   uuid REFERENCES api_keys (id),
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id, created_at DESC);
