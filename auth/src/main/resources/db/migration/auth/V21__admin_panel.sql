-- Every action taken in the admin panel: who, what, on what, when, and the request that did it.
CREATE TABLE admin_audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        NOT NULL,
    actor_email text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    detail      text,
    request_id  text        NOT NULL
);

CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC);

-- The users page searches by email or username fragments.
CREATE INDEX users_created_at ON users (created_at);
