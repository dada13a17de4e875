-- Catalog external ids are unique per issuer (issue 15): two issuers may both call an offering "sql-101", and a
-- duplicate answers only about the writer's own offerings. Offerings without an issuer (admin-managed) share one scope:
-- NULLS NOT DISTINCT makes (NULL, 'x') collide with (NULL, 'x') as before.
ALTER TABLE catalog_offerings DROP CONSTRAINT catalog_offerings_external_id_key;
ALTER TABLE catalog_offerings ADD CONSTRAINT catalog_offerings_issuer_external_id_key UNIQUE NULLS NOT DISTINCT (issuer_uri, external_id);
-- Lookups and the import's joins match on external_id first (the issuer compared with IS NOT DISTINCT FROM).
CREATE INDEX catalog_offerings_external_id ON catalog_offerings (external_id);
