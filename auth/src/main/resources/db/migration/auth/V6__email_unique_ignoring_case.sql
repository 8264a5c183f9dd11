-- One account per email whatever its case: Bob@x and bob@x are the same mailbox in practice.
--
-- Accounts that already clash are reported, never merged or changed: each is listed in email_case_clashes, the
-- oldest keeps the address under the new unique index, and the others are marked email_case_clash so that the
-- index can be built. Every clashing account still signs in with its exact spelling (lookups prefer it); an
-- operator resolves the rest by hand.
CREATE TABLE email_case_clashes (
    user_id   uuid        PRIMARY KEY,
    email_key text        NOT NULL, -- lower(email)
    email     text        NOT NULL,
    kept      boolean     NOT NULL, -- the oldest account of its group keeps the address
    found_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO email_case_clashes (user_id, email_key, email, kept)
SELECT id, lower(email), email, row_number() OVER (PARTITION BY lower(email) ORDER BY created_at, id) = 1
  FROM users
 WHERE lower(email) IN (SELECT lower(email) FROM users WHERE email IS NOT NULL GROUP BY 1 HAVING count(*) > 1);

ALTER TABLE users ADD COLUMN email_case_clash boolean NOT NULL DEFAULT false;
UPDATE users SET email_case_clash = true WHERE id IN (SELECT user_id FROM email_case_clashes WHERE NOT kept);

CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email)) WHERE NOT email_case_clash;
-- Lookups ignore case for every account, the marked ones included.
CREATE INDEX users_email_lower_idx ON users (lower(email));

DO $$
DECLARE
    groups int;
BEGIN
    SELECT count(DISTINCT email_key) INTO groups FROM email_case_clashes;
    IF groups > 0 THEN
        RAISE WARNING '% email address(es) belong to more than one account when case is ignored; '
            'nothing was changed, see auth.email_case_clashes', groups;
    END IF;
END
$$;
