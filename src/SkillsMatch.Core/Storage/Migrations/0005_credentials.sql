-- Credentials: the issuer trust registry, the credentials learners submit with their verdicts, and the link from
-- each piece of skill evidence to the credential behind it. The tier rule is in Credentials/CredentialEvidenceRule.cs.

-- Issuers a credential may name (issuer.id: a DID or an https URL) and whether we trust them.
CREATE TABLE issuers (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issuer_uri        text NOT NULL UNIQUE CHECK (issuer_uri <> ''),
    name              text NOT NULL CHECK (name <> ''),
    trusted           boolean NOT NULL DEFAULT false,
    accrediting_body  text,
    framework         text,                    -- e.g. 'Ontario Micro-credentials Framework'
    last_review       date,
    notes             text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Only authentic credentials are stored (forged or malformed ones are refused before anything is written).
-- verified = signature valid ∧ key bound to issuer ∧ issuer trusted ∧ status valid (or none declared) ∧ within validity.
CREATE TABLE learner_credentials (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    learner_id              uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    format                  text NOT NULL CHECK (format IN ('vc-json', 'vc-jwt', 'ob2-signed', 'ob2-hosted')),
    container               text NOT NULL CHECK (container IN ('text', 'png', 'svg', 'url')),
    media_type              text NOT NULL,
    content                 bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 1048576),
    content_sha256          bytea NOT NULL CHECK (octet_length(content_sha256) = 32),
    credential_ref          text,                  -- the credential's own id / jti / assertion id
    issuer_uri              text NOT NULL,
    issuer_name             text,
    achievement_name        text,
    achievement_description text,
    achievement_criteria    text,
    microcredential         jsonb NOT NULL DEFAULT '{}',
    verdict                 jsonb NOT NULL,
    signature_valid         boolean NOT NULL,
    key_bound               boolean NOT NULL,
    issuer_trusted          boolean NOT NULL,
    status                  text NOT NULL CHECK (status IN ('active', 'revoked', 'suspended', 'unknown')),
    valid_from              timestamptz,
    valid_until             timestamptz,
    verified                boolean NOT NULL,
    reasons                 jsonb NOT NULL DEFAULT '[]',
    verified_at             timestamptz NOT NULL,
    next_check_at           timestamptz NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (learner_id, content_sha256)
);
CREATE INDEX learner_credentials_due ON learner_credentials (next_check_at);
CREATE INDEX learner_credentials_issuer ON learner_credentials (issuer_uri);

ALTER TABLE learner_skill_evidence ADD COLUMN credential_id uuid REFERENCES learner_credentials ON DELETE CASCADE;
CREATE INDEX learner_skill_evidence_credential ON learner_skill_evidence (credential_id) WHERE credential_id IS NOT NULL;
