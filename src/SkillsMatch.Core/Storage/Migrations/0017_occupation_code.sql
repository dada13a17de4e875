-- The source's own code for an occupation where it has one beside its URI: ESCO's hierarchical code
-- ("2422.10", the ISCO-08 unit group and the occupation's place under it). Gold files and users name
-- occupations by it.
ALTER TABLE occupations ADD COLUMN code text;
CREATE INDEX occupations_code ON occupations (taxonomy_id, code) WHERE code IS NOT NULL;
