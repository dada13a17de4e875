-- Full-text search over postings (GET /jobs?q=), ranked with ts_rank, under GIN indexes. Postings here are in
-- English and in French, so each posting has two readings: English-stemmed and French-stemmed ('analysts' finds
-- 'analyst', 'soudeuses' finds 'soudeuse'). A query is read both ways and a posting matches when either reading of
-- it matches the same language's reading of the query; keeping the readings apart keeps "-word" exclusions sound.
-- Weights: title A, description B, employer C.
ALTER TABLE job_postings
    ADD COLUMN search_en tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(employer, '')), 'C')) STORED,
    ADD COLUMN search_fr tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french'::regconfig, title), 'A') || setweight(to_tsvector('french'::regconfig, description), 'B')
        || setweight(to_tsvector('french'::regconfig, coalesce(employer, '')), 'C')) STORED;
CREATE INDEX job_postings_search_en ON job_postings USING gin (search_en);
CREATE INDEX job_postings_search_fr ON job_postings USING gin (search_fr);

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
