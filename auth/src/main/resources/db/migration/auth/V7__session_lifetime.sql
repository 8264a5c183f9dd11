-- A session (refresh-token family) ends at a fixed time after sign-in however often it rotates: every token of
-- the family carries that end, and no token outlives it. Families that exist already end 30 days (the default
-- SESSION_LIFETIME_DAYS) after their first token.
ALTER TABLE refresh_tokens ADD COLUMN session_expires_at timestamptz;
UPDATE refresh_tokens r SET session_expires_at = f.started + interval '30 days'
  FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
 WHERE r.family_id = f.family_id;
ALTER TABLE refresh_tokens ALTER COLUMN session_expires_at SET NOT NULL;

-- For the purge job (SessionPurge): rows whose token expired or was revoked.
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_revoked_idx ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
