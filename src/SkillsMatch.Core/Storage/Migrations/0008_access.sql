-- Access control: API keys (hashed, revocable), the practitioner caseloads learners grant, and the audit log.

-- A key reads sm_<prefix>_<secret>. Only the SHA-256 of the whole key is stored: the secret is 256 random bits,
-- so a fast hash is enough (nothing to brute-force) and the lookup by prefix stays one index probe.
-- subject: whom the key speaks for besides a learner — the practitioner's or employer's name, the issuer's URI.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    prefix        text NOT NULL UNIQUE CHECK (prefix ~ '^[a-z0-9]{8}$'),
    key_hash      bytea NOT NULL CHECK (length(key_hash) = 32),
    role          text NOT NULL CHECK (role IN ('admin', 'practitioner', 'employer', 'learner', 'issuer')),
    learner_id    uuid REFERENCES learners ON DELETE CASCADE,
    subject       text CHECK (subject <> ''),
    label         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    CHECK ((role = 'learner') = (learner_id IS NOT NULL)),
    CHECK (role NOT IN ('practitioner', 'employer', 'issuer') OR subject IS NOT NULL)
);
CREATE INDEX api_keys_learner ON api_keys (learner_id) WHERE learner_id IS NOT NULL;

-- A learner's grant: the practitioner (by the subject of their keys, so a rotated key keeps the caseload)
-- may read and help edit this learner's profile.
CREATE TABLE practitioner_caseload (
    practitioner  text NOT NULL CHECK (practitioner <> ''),
    learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    granted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practitioner, learner_id)
);
CREATE INDEX practitioner_caseload_learner ON practitioner_caseload (learner_id);

-- Who viewed or changed which learner. No foreign key on purpose: the record of a deletion outlives the
-- learner, and it holds only the opaque id, never personal data.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL,
    principal_id    uuid NOT NULL,
    principal_role  text NOT NULL,
    action          text NOT NULL,
    learner_id      uuid,
    path            text NOT NULL,
    status          smallint NOT NULL
);
CREATE INDEX audit_log_learner ON audit_log (learner_id, at);
CREATE INDEX audit_log_principal ON audit_log (principal_id, at);
CREATE INDEX audit_log_at ON audit_log (at);
