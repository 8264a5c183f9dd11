-- General discharge rules per 시/도, from the content files. Schedules vary by 구/군 and are not stored as facts.
CREATE TABLE regional_rules (
    region            text        PRIMARY KEY CHECK (region ~ '^[a-z][a-z0-9_]{0,29}$'),
    name              text        NOT NULL,
    aliases           text[]      NOT NULL,
    -- The region key, its name and every alias through search_norm: what GET /rules/{region} accepts.
    lookup_names      text[]      NOT NULL,
    volume_bag        text        NOT NULL,
    food_methods      text[]      NOT NULL, -- e.g. 전용봉투, RFID, 수거용기
    food_details      text        NOT NULL,
    large_waste       text        NOT NULL,
    recyclables       text        NOT NULL,
    schedule_note     text        NOT NULL,
    districts         text[]      NOT NULL,
    source            text        NOT NULL,
    source_updated_at date        NOT NULL,
    loaded_at         timestamptz NOT NULL DEFAULT now()
);
