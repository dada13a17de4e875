-- Full-text search over postings (GET /jobs?q=): one generated tsvector, ranked with ts_rank, under a GIN index.
-- Postings here are in English and in French, so title and description are indexed with both stemmers
-- ('analysts' finds 'analyst', 'développeuses' finds 'développeur'), and the employer's name, a proper noun, with
-- 'simple' (no stemming, no stop words). Weights: title A, description B, employer C.
ALTER TABLE job_postings ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('french'::regconfig, title), 'A')
    || setweight(to_tsvector('english'::regconfig, description), 'B') || setweight(to_tsvector('french'::regconfig, description), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(employer, '')), 'C')
) STORED;
CREATE INDEX job_postings_search ON job_postings USING gin (search);

-- An employer's shortlist for one of its postings. owner is the employer organisation (the key's subject) that
-- shortlisted; every read and write names it in SQL, so one organisation never sees another's list.
CREATE TABLE posting_shortlists (
    posting_id  uuid NOT NULL REFERENCES job_postings ON DELETE CASCADE,
    learner_id  uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    owner       text NOT NULL CHECK (owner <> ''),
    note        text CHECK (length(note) <= 500),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (posting_id, learner_id, owner)
);
CREATE INDEX posting_shortlists_owner ON posting_shortlists (owner, posting_id);
CREATE INDEX posting_shortlists_learner ON posting_shortlists (learner_id);
