-- Industry endorsement: an employer or industry body reviewed the offering. Canadian micro-credential frameworks
-- count employer/industry validation as quality assurance beside accreditation and framework alignment, so an
-- offering can say so (the demo's cyber-security provider does). Listed weakest-but-one: accredited >
-- framework-aligned > industry-endorsed > none (CatalogChecks.QualityAssurances).
ALTER TABLE catalog_offerings DROP CONSTRAINT catalog_offerings_quality_assurance_check;
ALTER TABLE catalog_offerings ADD CONSTRAINT catalog_offerings_quality_assurance_check
    CHECK (quality_assurance IN ('accredited', 'framework-aligned', 'industry-endorsed', 'none'));
