-- Skill and occupation labels in another language than the taxonomy's own English: ESCO's French labels (v1.0, joined
-- to the imported taxonomy by concept URI) and the French labels we wrote for our own taxonomy. Kept apart from
-- skill_labels, which every English lookup (autocomplete, crosswalk, credential skills) reads; the label keeps its
-- case for display. One preferred label per concept and language, any number of alternatives.
CREATE TABLE skill_translations (
    skill_id      bigint NOT NULL REFERENCES skills ON DELETE CASCADE,
    lang          text NOT NULL CHECK (lang ~ '^[a-z]{2}$'),
    label         text NOT NULL CHECK (label <> ''),
    is_preferred  boolean NOT NULL,
    PRIMARY KEY (skill_id, lang, label)
);
CREATE UNIQUE INDEX skill_translations_preferred ON skill_translations (skill_id, lang) WHERE is_preferred;

CREATE TABLE occupation_translations (
    occupation_id  bigint NOT NULL REFERENCES occupations ON DELETE CASCADE,
    lang           text NOT NULL CHECK (lang ~ '^[a-z]{2}$'),
    title          text NOT NULL CHECK (title <> ''),
    is_preferred   boolean NOT NULL,
    PRIMARY KEY (occupation_id, lang, title)
);
CREATE UNIQUE INDEX occupation_translations_preferred ON occupation_translations (occupation_id, lang) WHERE is_preferred;
