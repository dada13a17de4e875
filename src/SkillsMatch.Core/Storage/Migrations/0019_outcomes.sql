-- Issue 18: preferences honoured by default, outcomes that retrain the ranker, equity reporting by opt-in group.

-- Where and how a learner will work and learn. willing_to_relocate: roles anywhere, not only in their region.
-- languages / learning_formats: what plans may use; NULL means the learner has not said (defaults in docs/matching.md).
ALTER TABLE learners
    ADD COLUMN willing_to_relocate boolean NOT NULL DEFAULT false,
    ADD COLUMN languages           text[] CHECK (languages <@ ARRAY['en', 'fr']),
    ADD COLUMN learning_formats    text[] CHECK (learning_formats <@ ARRAY['online', 'in-person', 'hybrid']);

-- What happened to a learner for a posting, recorded by the posting's employer or the learner's practitioner.
-- Deleted with the learner (and with the posting). recorded_by is the API key subject (employer organisation or
-- practitioner name), kept so a list can say who recorded what; the access itself is audited like any learner access.
CREATE TABLE placement_outcomes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    posting_id    uuid NOT NULL REFERENCES job_postings ON DELETE CASCADE,
    stage         text NOT NULL CHECK (stage IN ('shortlisted', 'interviewed', 'offered', 'hired', 'placed', 'employed_90_days', 'rejected', 'withdrew')),
    occurred_on   date NOT NULL DEFAULT current_date,
    recorded_role text NOT NULL CHECK (recorded_role IN ('admin', 'employer', 'practitioner')),
    recorded_by   text,
    note          text CHECK (length(note) <= 1000),
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX placement_outcomes_posting ON placement_outcomes (posting_id, recorded_at DESC);
CREATE INDEX placement_outcomes_learner ON placement_outcomes (learner_id, recorded_at DESC);

-- A learner's own, opt-in, self-identified group in an equity program (e.g. 'women+' in a cybersecurity cohort).
-- Read only by the aggregated equity report (cells under 5 suppressed); never by matching or any employer view.
CREATE TABLE learner_equity_groups (
    learner_id         uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
    program            text NOT NULL CHECK (program <> '' AND length(program) <= 100),
    self_identified    text NOT NULL CHECK (self_identified <> '' AND length(self_identified) <= 100),
    stated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (learner_id, program)
);
CREATE INDEX learner_equity_groups_program ON learner_equity_groups (program);
