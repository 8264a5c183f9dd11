-- Accounts created through Kakao may have no email (it is an optional consent item there).
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- One row per provider identity; an account may have several (Kakao and Google), an identity one account.
CREATE TABLE social_accounts (
    provider         text        NOT NULL CHECK (provider IN ('kakao', 'google')),
    provider_user_id text        NOT NULL,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT social_accounts_identity_key UNIQUE (provider, provider_user_id)
);
CREATE INDEX social_accounts_user_idx ON social_accounts (user_id);

-- Email verification and password reset tokens: only the SHA-256 is kept, each works once, until expires_at.
CREATE TABLE one_time_tokens (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose) WHERE used_at IS NULL;
