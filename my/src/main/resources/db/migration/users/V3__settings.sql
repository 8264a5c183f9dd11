-- Per-user preferences; a user without a row has the defaults.
CREATE TABLE settings (
    user_id              uuid PRIMARY KEY REFERENCES profiles (user_id),
    notification_enabled boolean     NOT NULL DEFAULT true,
    language             text        NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en')),
    theme                text        NOT NULL DEFAULT 'system' CHECK (theme IN ('light', 'dark', 'system')),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
