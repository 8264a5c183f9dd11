-- What people search for. user_queries keeps the queries of signed-in callers (their history); search_counts counts
-- every search, anonymous ones included, per Seoul calendar day, which is what GET /stats ranks.
CREATE TABLE user_queries (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    uuid        NOT NULL,
    query      text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX user_queries_by_user ON user_queries (user_id, created_at DESC);

CREATE TABLE search_counts (
    day   date   NOT NULL,
    query text   NOT NULL,
    count bigint NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, query)
);
