-- The fingerprint of the content files last loaded, so a start-up with unchanged content skips the load.
CREATE TABLE content_state (
    id        boolean     PRIMARY KEY DEFAULT true CHECK (id),
    hash      text        NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
