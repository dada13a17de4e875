-- Learners and every piece of evidence behind each skill they hold.
-- Other features (credentials, matching, access control) attach to these tables; see the README of each.

CREATE TABLE learners (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    external_ref        text UNIQUE,
    display_name        text NOT NULL CHECK (display_name <> ''),
    email               text,
    region              text,                      -- ISO 3166-2 subdivision, e.g. 'CA-ON'
    city                text,
    remote_preference   text NOT NULL DEFAULT 'any' CHECK (remote_preference IN ('onsite', 'hybrid', 'remote', 'any')),
    target_occupation_ids bigint[] NOT NULL DEFAULT '{}',
    visible_to_employers boolean NOT NULL DEFAULT false,
    -- What an employer may see when visible: any of skills, credentials, experience, education, contact.
    visible_parts       text[] NOT NULL DEFAULT '{skills}',
    is_demo             boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Work experience and education as the learner wrote them; skills are inferred from the text.
CREATE TABLE learner_experiences (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('experience', 'education')),
    title         text NOT NULL CHECK (title <> ''),
    organisation  text,
    description   text NOT NULL DEFAULT '',
    start_date    date,
    end_date      date,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learner_experiences_learner ON learner_experiences (learner_id);

-- One row per (skill, piece of evidence). tier: 4 credential-verified, 3 attested, 2 inferred, 1 self-declared.
-- source says where it came from; exactly the matching reference column is set (credential_id is added
-- with a foreign key by the credentials migration).
CREATE TABLE learner_skill_evidence (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learner_id      uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    skill_id        bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    tier            smallint NOT NULL CHECK (tier BETWEEN 1 AND 4),
    source          text NOT NULL CHECK (source IN ('credential-alignment', 'credential-text', 'experience', 'education', 'self')),
    experience_id   uuid REFERENCES learner_experiences ON DELETE CASCADE,
    confidence      real NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
    level           text CHECK (level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    years           real CHECK (years >= 0),
    detail          text,          -- alignment URL/code, or the matched text
    span_start      int,
    span_end        int,
    evidenced_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learner_skill_evidence_learner ON learner_skill_evidence (learner_id, skill_id);
CREATE INDEX learner_skill_evidence_skill ON learner_skill_evidence (skill_id);
