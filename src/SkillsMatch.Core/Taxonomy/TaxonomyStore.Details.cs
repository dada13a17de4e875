using Dapper;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    public async Task<SkillDetail?> GetSkillAsync(long id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var p = new { id };
        var skill = await conn.QuerySingleOrDefaultAsync<SkillRow>(new CommandDefinition($"""
            SELECT s.id, {TaxonomyName} AS taxonomy, s.external_id AS externalid, s.preferred_label AS label, s.alt_labels AS altlabels,
                   s.description, s.skill_type AS type, s.reuse_level AS reuselevel
              FROM skills s JOIN taxonomies t ON t.id = s.taxonomy_id WHERE s.id = @id
            """, p, cancellationToken: ct));
        if (skill is null) return null;

        var relations = (await conn.QueryAsync<RelatedSkill>(new CommandDefinition($"""
            SELECT o.id, {TaxonomyName} AS taxonomy, o.external_id AS externalid, o.preferred_label AS label, o.skill_type AS type, x.relation
              FROM (SELECT related_skill_id AS other, CASE kind WHEN 'broader' THEN 'broader' WHEN 'prerequisite' THEN 'prerequisite'
                                                             WHEN 'related' THEN 'related' ELSE kind || ' (ESCO)' END AS relation
                      FROM skill_relations WHERE skill_id = @id
                    UNION ALL
                    SELECT skill_id, CASE kind WHEN 'broader' THEN 'narrower' WHEN 'prerequisite' THEN 'prerequisite of'
                                               WHEN 'related' THEN 'related' ELSE 'needs this as ' || kind END
                      FROM skill_relations WHERE related_skill_id = @id) x
              JOIN skills o ON o.id = x.other JOIN taxonomies t ON t.id = o.taxonomy_id
             ORDER BY x.relation, o.preferred_label
             LIMIT 500
            """, p, cancellationToken: ct))).ToList();

        var groups = (await conn.QueryAsync<string>(new CommandDefinition("""
            SELECT g.label FROM skill_group_members m JOIN skill_groups g ON g.id = m.group_id WHERE m.skill_id = @id ORDER BY g.label
            """, p, cancellationToken: ct))).ToList();

        var crosswalk = (await conn.QueryAsync<CrosswalkLink>(new CommandDefinition($"""
            SELECT o.id, {TaxonomyName} AS taxonomy, o.external_id AS externalid, o.preferred_label AS label, c.method, c.confidence::float8 AS confidence
              FROM (SELECT target_skill_id AS other, method, confidence FROM skill_crosswalk WHERE skill_id = @id
                    UNION ALL SELECT skill_id, method, confidence FROM skill_crosswalk WHERE target_skill_id = @id) c
              JOIN skills o ON o.id = c.other JOIN taxonomies t ON t.id = o.taxonomy_id
             ORDER BY c.confidence DESC
            """, p, cancellationToken: ct))).ToList();

        var neededBy = (await conn.QueryAsync<OccupationNeed>(new CommandDefinition("""
            SELECT o.id, o.title, os.relation, os.importance::float8 AS importance
              FROM occupation_skills os JOIN occupations o ON o.id = os.occupation_id
             WHERE os.skill_id = @id
             ORDER BY os.relation, os.importance DESC NULLS LAST, o.title
             LIMIT 100
            """, p, cancellationToken: ct))).ToList();

        SkillRef Ref(RelatedSkill r) => new(r.Id, r.Taxonomy, r.ExternalId, r.Label, r.Type);
        return new SkillDetail(skill.Id, skill.Taxonomy, skill.ExternalId, skill.Label, skill.AltLabels, skill.Description,
            skill.Type, skill.ReuseLevel,
            relations.Where(r => r.Relation == "broader").Select(Ref).ToList(),
            relations.Where(r => r.Relation == "narrower").Select(Ref).ToList(),
            relations.Where(r => r.Relation is not ("broader" or "narrower")).ToList(),
            groups, crosswalk, neededBy);
    }

    public async Task<OccupationDetail?> GetOccupationAsync(long id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var occupation = await conn.QuerySingleOrDefaultAsync<OccupationRow>(new CommandDefinition($"""
            SELECT o.id, {TaxonomyName} AS taxonomy, o.external_id AS externalid, o.title, o.alt_titles AS alttitles, o.description,
                   o.isco_code AS iscocode, o.onet_soc_code AS onetsoccode, o.noc_code AS noccode, o.sector
              FROM occupations o JOIN taxonomies t ON t.id = o.taxonomy_id WHERE o.id = @id
            """, new { id }, cancellationToken: ct));
        if (occupation is null) return null;

        var skills = (await conn.QueryAsync<ProfileSkill>(new CommandDefinition("""
            SELECT s.id, s.external_id AS externalid, s.preferred_label AS label, s.skill_type AS type, os.relation,
                   os.importance::float8 AS importance, os.level::float8 AS level
              FROM occupation_skills os JOIN skills s ON s.id = os.skill_id
             WHERE os.occupation_id = @id
             ORDER BY os.relation, os.importance DESC NULLS LAST, s.preferred_label
            """, new { id }, cancellationToken: ct))).ToList();

        return new OccupationDetail(occupation.Id, occupation.Taxonomy, occupation.ExternalId, occupation.Title, occupation.AltTitles,
            occupation.Description, occupation.IscoCode, occupation.OnetSocCode, occupation.NocCode, occupation.Sector, skills);
    }

    // Classes, not positional records: Dapper reports text[] columns as System.Array and cannot match a string[] constructor parameter.
    private sealed class SkillRow
    {
        public long Id { get; init; }
        public string Taxonomy { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string Label { get; init; } = "";
        public string[] AltLabels { get; init; } = [];
        public string? Description { get; init; }
        public string Type { get; init; } = "";
        public string? ReuseLevel { get; init; }
    }

    private sealed class OccupationRow
    {
        public long Id { get; init; }
        public string Taxonomy { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
        public string[] AltTitles { get; init; } = [];
        public string? Description { get; init; }
        public string? IscoCode { get; init; }
        public string? OnetSocCode { get; init; }
        public string? NocCode { get; init; }
        public string? Sector { get; init; }
    }
}
