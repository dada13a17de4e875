-- The employer (API key subject) who posted a job through the API; only they (or an admin) may change it.
-- NULL: imported or created by an admin, managed by admins.
ALTER TABLE job_postings ADD COLUMN owner text;
CREATE INDEX job_postings_owner ON job_postings (owner) WHERE owner IS NOT NULL;
