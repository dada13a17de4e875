-- pgvector carries every embedding SkillsMatch stores (skills, occupations, postings, profiles).
CREATE EXTENSION IF NOT EXISTS vector;
