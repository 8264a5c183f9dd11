-- An invite pays the inviter only after the invitee has verified their email (auth's user.verified), and at most
-- ten invites a day (Asia/Seoul) pay one inviter: accounts made in bulk with throwaway addresses earn nothing.
ALTER TABLE profiles ADD COLUMN email_verified_at timestamptz;

CREATE TABLE invites (
    invitee_id      uuid        PRIMARY KEY REFERENCES profiles (user_id),
    inviter_id      uuid        NOT NULL REFERENCES profiles (user_id),
    source_event_id uuid        NOT NULL, -- the user.registered event: the ledger source when it pays
    created_at      timestamptz NOT NULL DEFAULT now(),
    settled_at      timestamptz,
    outcome         text        CHECK (outcome IN ('paid', 'daily_cap', 'inviter_gone'))
);
CREATE INDEX invites_paid_idx ON invites (inviter_id, settled_at) WHERE outcome = 'paid';
