-- Learner profiles' retrieval summary and vector, and the microcredential catalog.

-- Per learner, the skills they hold with the best tier of each (parallel arrays, ordered by skill id), kept in
-- step with learner_skill_evidence by LearnerSkillSummary in the same transaction as every evidence write.
-- Retrieval asks `skill_ids && @wanted` (GIN); the tiers weigh what it finds.
ALTER TABLE learners
    ADD COLUMN skill_ids          bigint[]   NOT NULL DEFAULT '{}',
    ADD COLUMN skill_tiers        smallint[] NOT NULL DEFAULT '{}',
    ADD COLUMN embedding          vector(384),
    ADD COLUMN embedded_text_hash bytea,
    ADD CONSTRAINT learners_skill_summary_parallel CHECK (cardinality(skill_ids) = cardinality(skill_tiers));
CREATE INDEX learners_skill_ids_gin ON learners USING gin (skill_ids);
CREATE INDEX learners_embedding_hnsw ON learners USING hnsw (embedding vector_cosine_ops);
CREATE INDEX learners_created ON learners (created_at, id);

-- Self-declared skills are replaced as a set; inferred ones per experience.
CREATE INDEX learner_skill_evidence_experience ON learner_skill_evidence (experience_id) WHERE experience_id IS NOT NULL;

-- Microcredentials a learner can take to close a gap. issuer_uri names an issuer of the trust registry
-- (issuers.issuer_uri) by value: the registry is read alongside, not enforced by a foreign key.
CREATE TABLE catalog_offerings (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    external_id        text NOT NULL UNIQUE CHECK (external_id <> ''),
    title              text NOT NULL CHECK (title <> ''),
    provider           text NOT NULL CHECK (provider <> ''),
    issuer_uri         text,
    description        text NOT NULL DEFAULT '',
    url                text,
    hours              numeric(7,1) CHECK (hours >= 0),
    cost               numeric(10,2) CHECK (cost >= 0),
    currency           text NOT NULL DEFAULT 'CAD' CHECK (currency = 'CAD'),
    format             text NOT NULL CHECK (format IN ('online', 'in-person', 'hybrid')),
    language           text NOT NULL CHECK (language IN ('en', 'fr')),
    region             text,                                 -- ISO 3166-2 ('CA-ON'), or 'CA' for Canada-wide
    stackable_into     text[] NOT NULL DEFAULT '{}',         -- offering external ids or credential names
    quality_assurance  text NOT NULL DEFAULT 'none' CHECK (quality_assurance IN ('accredited', 'framework-aligned', 'none')),
    is_demo            boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_offerings_issuer ON catalog_offerings (issuer_uri);
CREATE INDEX catalog_offerings_title_trgm ON catalog_offerings USING gin (lower(title) gin_trgm_ops);

-- Skills an offering teaches: from its explicit alignments, or (when it has none) extracted from its text.
CREATE TABLE catalog_offering_skills (
    offering_id  uuid NOT NULL REFERENCES catalog_offerings ON DELETE CASCADE,
    skill_id     bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    source       text NOT NULL CHECK (source IN ('alignment', 'extracted')),
    confidence   real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    PRIMARY KEY (offering_id, skill_id)
);
CREATE INDEX catalog_offering_skills_skill ON catalog_offering_skills (skill_id);
