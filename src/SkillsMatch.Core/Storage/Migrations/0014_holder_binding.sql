-- Holder binding (issue 15): a credential's alignments are credential-verified only when its subject is bound to the
-- learner who submitted it — an e-mail the learner verified (or staff set), or a DID the learner proved control of.

-- learners.email counts as verified when staff (an admin or practitioner) set it; a learner changing it must verify it.
ALTER TABLE learners ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
UPDATE learners SET email_verified = true WHERE email IS NOT NULL;

-- Addresses a learner added, verified by a one-time code (only its hash is kept), with expiry and an attempt budget.
CREATE TABLE learner_emails (
    learner_id      uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    address         text NOT NULL CHECK (address <> '' AND address = lower(address)),
    code_hash       bytea,
    code_sent_at    timestamptz,
    code_expires_at timestamptz,
    attempts_left   smallint NOT NULL DEFAULT 0,
    verified_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (learner_id, address)
);

-- DIDs a learner proved control of with a Verifiable Presentation over one of our challenges.
CREATE TABLE learner_dids (
    learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    did           text NOT NULL CHECK (did LIKE 'did:%'),
    format        text NOT NULL,                 -- the presentation format that proved it, e.g. 'vc-jwt'
    proven_at     timestamptz NOT NULL,
    PRIMARY KEY (learner_id, did)
);

-- Server-issued challenges for presentations: single use, short-lived, bound to one learner.
CREATE TABLE holder_challenges (
    challenge     text PRIMARY KEY,
    learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX holder_challenges_expiry ON holder_challenges (expires_at);

-- What the run command's default sender "sends": readable by the learner's practitioner (and the log), never the learner.
CREATE TABLE email_outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learner_id    uuid REFERENCES learners ON DELETE CASCADE,
    address       text NOT NULL,
    subject       text NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_learner ON email_outbox (learner_id, id);

-- The same credential (issuer + id, or the hash of its content) bound to one learner cannot be claimed by another.
ALTER TABLE learner_credentials ADD COLUMN claim_key text;
ALTER TABLE learner_credentials ADD COLUMN holder_bound boolean NOT NULL DEFAULT false;
UPDATE learner_credentials SET claim_key = issuer_uri || ' ' || coalesce(credential_ref, encode(content_sha256, 'hex'));
ALTER TABLE learner_credentials ALTER COLUMN claim_key SET NOT NULL;
CREATE UNIQUE INDEX learner_credentials_bound_claim ON learner_credentials (claim_key) WHERE holder_bound;
CREATE INDEX learner_credentials_claim ON learner_credentials (claim_key);
