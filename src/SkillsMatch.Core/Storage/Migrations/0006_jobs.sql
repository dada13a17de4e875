-- Job postings (schema.org JobPosting), the skills the pipeline found in them (with the employer's edits)
-- and their closest occupations. Matching retrieves postings by embedding (HNSW) and by skill overlap (GIN).

CREATE TABLE job_postings (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The posting's identifier (schema.org identifier); re-importing it updates the row.
    external_id          text NOT NULL UNIQUE CHECK (external_id <> ''),
    title                text NOT NULL CHECK (title <> ''),
    description          text NOT NULL,
    employer             text,
    employment_type      text[] NOT NULL DEFAULT '{}',
    region               text,                       -- ISO 3166-2 subdivision, e.g. 'CA-ON'
    city                 text,
    remote               text NOT NULL DEFAULT 'onsite' CHECK (remote IN ('onsite', 'hybrid', 'remote')),
    date_posted          date,
    valid_through        timestamptz,
    salary_min           numeric,
    salary_max           numeric,
    salary_currency      text,
    salary_unit          text,                       -- HOUR, DAY, WEEK, MONTH, YEAR
    qualifications       text,
    experience           text,
    experience_months    int CHECK (experience_months >= 0),
    education            text,
    -- Stored status is open or closed; 'expired' is derived at read time (open and valid_through passed),
    -- see JobPostingStore.StatusSql, so no job has to run for a posting to expire.
    status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    source               jsonb NOT NULL,
    embedding            vector(384),
    -- Denormalised from job_posting_skills (working taxonomy) for retrieval: every current skill, and the required ones.
    skill_ids            bigint[] NOT NULL DEFAULT '{}',
    required_skill_ids   bigint[] NOT NULL DEFAULT '{}',
    occupation_ids       bigint[] NOT NULL DEFAULT '{}',   -- best first, from job_posting_occupations
    is_demo              boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_postings_embedding_hnsw ON job_postings USING hnsw (embedding vector_cosine_ops);
CREATE INDEX job_postings_skill_ids ON job_postings USING gin (skill_ids);
CREATE INDEX job_postings_required_skill_ids ON job_postings USING gin (required_skill_ids);
CREATE INDEX job_postings_region_status ON job_postings (region, status);
CREATE INDEX job_postings_title_trgm ON job_postings USING gin (lower(title) gin_trgm_ops);

-- source 'extracted': found by the pipeline and replaced on re-extraction; 'employer': added or changed by the
-- employer and kept. removed_by_employer marks a skill the employer took off; re-extraction never brings it back.
CREATE TABLE job_posting_skills (
    posting_id           uuid NOT NULL REFERENCES job_postings ON DELETE CASCADE,
    skill_id             bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    requirement          text NOT NULL DEFAULT 'none' CHECK (requirement IN ('required', 'preferred', 'none')),
    level                text CHECK (level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    years                real CHECK (years >= 0),
    confidence           real NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
    source               text NOT NULL CHECK (source IN ('extracted', 'employer')),
    span_start           int,
    span_end             int,
    evidence             text,                       -- the sentence the skill was found in
    removed_by_employer  boolean NOT NULL DEFAULT false,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (posting_id, skill_id)
);
CREATE INDEX job_posting_skills_skill ON job_posting_skills (skill_id);

CREATE TABLE job_posting_occupations (
    posting_id     uuid NOT NULL REFERENCES job_postings ON DELETE CASCADE,
    occupation_id  bigint NOT NULL REFERENCES occupations ON DELETE CASCADE,
    rank           smallint NOT NULL CHECK (rank >= 1),
    score          real NOT NULL,
    PRIMARY KEY (posting_id, occupation_id)
);
CREATE INDEX job_posting_occupations_occupation ON job_posting_occupations (occupation_id);
