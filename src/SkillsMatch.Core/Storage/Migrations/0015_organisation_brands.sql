-- Impersonation and squatting (issue 15). An employer key speaks for one organisation: its subject. A posting's
-- hiringOrganization must be that organisation or one of the brands an admin lists for it here.
CREATE TABLE organisation_brands (
    organisation  text NOT NULL CHECK (organisation <> ''),   -- an employer key's subject
    brand         text NOT NULL CHECK (brand <> ''),
    brand_key     text NOT NULL CHECK (brand_key <> ''),      -- the brand as compared: lower-case, single spaces
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation, brand_key)
);

-- Posting identifiers are unique per organisation (the owner; '' for imported or admin postings), not globally, so
-- an identifier another employer took first blocks nobody.
ALTER TABLE job_postings DROP CONSTRAINT job_postings_external_id_key;
CREATE UNIQUE INDEX job_postings_owner_external_id ON job_postings ((coalesce(owner, '')), external_id);
CREATE INDEX job_postings_external_id ON job_postings (external_id);
