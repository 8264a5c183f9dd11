-- Places a user saved (home, office, ...): at most 20 each, enforced by the service under a per-user lock.
-- The partial unique index is the last line of defence for "at most one default per user".
CREATE TABLE user_locations (
    id         uuid PRIMARY KEY,
    user_id    uuid             NOT NULL,
    name       text             NOT NULL,
    address    text,
    latitude   double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude  double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    is_default boolean          NOT NULL DEFAULT false,
    created_at timestamptz      NOT NULL DEFAULT now(),
    updated_at timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX user_locations_user_idx ON user_locations (user_id, created_at);
CREATE UNIQUE INDEX user_locations_one_default_idx ON user_locations (user_id) WHERE is_default;
