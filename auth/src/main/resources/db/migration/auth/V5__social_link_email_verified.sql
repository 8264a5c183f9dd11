-- Whether the provider had verified the email when the link was made. A link made without one does not survive
-- the account's first proof of its mailbox (password reset or email verification): see EmailOwnership.
ALTER TABLE social_accounts ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- Links of verified accounts keep working; the flag is only ever read for accounts that are still unverified,
-- and none of their links can have been made with a verified email.
UPDATE social_accounts s SET email_verified = true
  FROM users u
 WHERE u.id = s.user_id AND u.is_verified AND s.email IS NOT NULL AND lower(s.email) = lower(u.email);
