-- Local accounts. Emails are stored normalised (trimmed, domain lower-cased); usernames are [a-z0-9_]{3,30}.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    username      text        NOT NULL,
    password_hash text,                         -- null for accounts that only sign in through a provider
    roles         text[]      NOT NULL DEFAULT ARRAY['user'],
    is_active     boolean     NOT NULL DEFAULT true,
    is_verified   boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_username_key UNIQUE (username)
);

-- Refresh tokens: only the SHA-256 of the opaque token is kept. A family is one login's chain of rotations;
-- presenting a token that was already used revokes the whole family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
