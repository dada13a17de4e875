-- Covering indexes for matching's skill-overlap retrieval: profiles sharing most skills with a query are counted
-- with index-only scans instead of reading every wide learner or posting row that shares one skill.
CREATE INDEX learner_skill_evidence_skill_learner ON learner_skill_evidence (skill_id, learner_id, tier);
DROP INDEX learner_skill_evidence_skill;
CREATE INDEX job_posting_skills_skill_posting ON job_posting_skills (skill_id, posting_id) WHERE NOT removed_by_employer;
