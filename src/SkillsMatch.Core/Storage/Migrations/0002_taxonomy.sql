-- Skills taxonomies side by side (ESCO, O*NET, SkillsMatch's own), their occupations and crosswalks.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE taxonomies (
    id            int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key           text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]*$'),
    version       text NOT NULL CHECK (version <> ''),
    name          text NOT NULL,
    source        text NOT NULL,
    licence       text NOT NULL,
    attribution   text,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (key, version)
);

CREATE TABLE skills (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taxonomy_id      int NOT NULL REFERENCES taxonomies ON DELETE CASCADE,
    external_id      text NOT NULL,
    preferred_label  text NOT NULL CHECK (preferred_label <> ''),
    alt_labels       text[] NOT NULL DEFAULT '{}',
    description      text,
    skill_type       text NOT NULL CHECK (skill_type IN ('skill', 'knowledge', 'tool', 'transversal', 'language')),
    reuse_level      text CHECK (reuse_level IN ('transversal', 'cross-sector', 'sector-specific', 'occupation-specific')),
    UNIQUE (taxonomy_id, external_id)
);
CREATE INDEX skills_preferred_label_trgm ON skills USING gin (lower(preferred_label) gin_trgm_ops);

-- Every label of a skill (preferred and alternative), lower-cased, for exact, prefix and typo-tolerant lookup.
CREATE TABLE skill_labels (
    skill_id     bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    label        text NOT NULL,
    is_preferred boolean NOT NULL,
    PRIMARY KEY (skill_id, label)
);
CREATE INDEX skill_labels_label ON skill_labels (label text_pattern_ops);
CREATE INDEX skill_labels_label_trgm ON skill_labels USING gin (label gin_trgm_ops);

-- Groups (ESCO skill groups, our groups) and collections (digital, green, transversal …).
CREATE TABLE skill_groups (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taxonomy_id      int NOT NULL REFERENCES taxonomies ON DELETE CASCADE,
    external_id      text NOT NULL,
    label            text NOT NULL CHECK (label <> ''),
    description      text,
    kind             text NOT NULL CHECK (kind IN ('group', 'collection')),
    parent_group_id  bigint REFERENCES skill_groups ON DELETE SET NULL,
    UNIQUE (taxonomy_id, external_id)
);

CREATE TABLE skill_group_members (
    group_id  bigint NOT NULL REFERENCES skill_groups ON DELETE CASCADE,
    skill_id  bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    PRIMARY KEY (group_id, skill_id)
);
CREATE INDEX skill_group_members_skill ON skill_group_members (skill_id);

-- broader: skill_id's parent is related_skill_id. related: symmetric, stored once each way.
-- essential_for / optional_for: ESCO skill-skill relations; prerequisite: skill_id needs related_skill_id.
CREATE TABLE skill_relations (
    skill_id          bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    related_skill_id  bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    kind              text NOT NULL CHECK (kind IN ('broader', 'related', 'essential', 'optional', 'prerequisite')),
    PRIMARY KEY (skill_id, related_skill_id, kind),
    CHECK (skill_id <> related_skill_id)
);
CREATE INDEX skill_relations_related ON skill_relations (related_skill_id, kind);

CREATE TABLE occupations (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taxonomy_id    int NOT NULL REFERENCES taxonomies ON DELETE CASCADE,
    external_id    text NOT NULL,
    title          text NOT NULL CHECK (title <> ''),
    alt_titles     text[] NOT NULL DEFAULT '{}',
    description    text,
    isco_code      text,
    onet_soc_code  text,
    noc_code       text,
    sector         text,
    UNIQUE (taxonomy_id, external_id)
);
CREATE INDEX occupations_title_trgm ON occupations USING gin (lower(title) gin_trgm_ops);

-- ESCO and our taxonomy say essential/optional; O*NET gives importance (IM, 1–5) and level (LV, 0–7).
CREATE TABLE occupation_skills (
    occupation_id  bigint NOT NULL REFERENCES occupations ON DELETE CASCADE,
    skill_id       bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    relation       text NOT NULL CHECK (relation IN ('essential', 'optional')),
    importance     real,
    level          real,
    PRIMARY KEY (occupation_id, skill_id)
);
CREATE INDEX occupation_skills_skill ON occupation_skills (skill_id);

CREATE TABLE skill_crosswalk (
    skill_id         bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    target_skill_id  bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    method           text NOT NULL CHECK (method IN ('exact', 'alias', 'embedding', 'manual')),
    confidence       real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (skill_id, target_skill_id)
);
CREATE INDEX skill_crosswalk_target ON skill_crosswalk (target_skill_id);
