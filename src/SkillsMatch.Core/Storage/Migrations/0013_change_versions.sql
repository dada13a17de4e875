-- Counters that move with every committed change to a kind of data, so a cache can tell in one read whether what it
-- remembers may be out of date. Statement-level triggers: a bulk import bumps a counter once, not once per row.
-- A counter is a row (not a sequence) so a new value becomes visible only with the change's commit. The triggers run
-- BEFORE each statement, so a transaction takes the counter's row lock before any row of the tables it guards: every
-- writer then locks in the same order (an employer's skill edit and a re-import of the same posting cannot deadlock),
-- at the price of writes to postings committing one transaction at a time.
CREATE TABLE change_versions (
    name    text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO change_versions (name) VALUES ('postings'), ('issuers');

CREATE FUNCTION bump_change_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_versions SET version = version + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END $$;

CREATE TRIGGER job_postings_change_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_postings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('postings');
CREATE TRIGGER job_posting_skills_change_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_posting_skills
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('postings');
CREATE TRIGGER job_posting_occupations_change_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_posting_occupations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('postings');
CREATE TRIGGER issuers_change_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON issuers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('issuers');
