using Dapper;
using Npgsql;
using Pgvector;
using SkillsMatch.Matching.Training;

namespace SkillsMatch.Matching.Features;

/// <summary>What matching reads from the taxonomy, once per taxonomy: its skill graph and occupation skill profiles.</summary>
public sealed class MatchingStore(NpgsqlDataSource dataSource)
{
    public async Task<SkillGraph> LoadSkillGraphAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // ESCO's skill-skill essential/optional links and prerequisites count as related: both say the skills go together.
        var relations = await conn.QueryAsync<(long SkillId, long RelatedSkillId, string Kind)>(new CommandDefinition("""
            SELECT r.skill_id, r.related_skill_id, r.kind
              FROM skill_relations r JOIN skills s ON s.id = r.skill_id
             WHERE s.taxonomy_id = @taxonomyId
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        var crosswalk = await conn.QueryAsync<(long SkillId, long TargetSkillId, float Confidence)>(new CommandDefinition("""
            SELECT c.skill_id, c.target_skill_id, c.confidence
              FROM skill_crosswalk c
             WHERE EXISTS (SELECT 1 FROM skills s WHERE s.id = c.skill_id AND s.taxonomy_id = @taxonomyId)
                OR EXISTS (SELECT 1 FROM skills s WHERE s.id = c.target_skill_id AND s.taxonomy_id = @taxonomyId)
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        var vectors = await conn.QueryAsync<(long Id, Vector Embedding)>(new CommandDefinition("""
            SELECT id, embedding FROM skills WHERE taxonomy_id = @taxonomyId AND embedding IS NOT NULL
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));

        var edges = relations.Select(r => new SkillEdge(r.SkillId, r.RelatedSkillId,
                r.Kind == "broader" ? SkillRelationKind.Broader : SkillRelationKind.Related))
            .Concat(crosswalk.Select(c => new SkillEdge(c.SkillId, c.TargetSkillId, SkillRelationKind.Crosswalk, c.Confidence)));
        return new SkillGraph(edges.ToList(), vectors.ToDictionary(v => v.Id, v => v.Embedding.ToArray()));
    }

    public async Task<IReadOnlyList<OccupationProfile>> LoadOccupationProfilesAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var occupations = await conn.QueryAsync<(long Id, string Title, string? IscoCode, string? Sector)>(new CommandDefinition("""
            SELECT id, title, isco_code, sector FROM occupations WHERE taxonomy_id = @taxonomyId ORDER BY id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        var skills = (await conn.QueryAsync<(long OccupationId, long SkillId, string Relation, float? Importance)>(new CommandDefinition("""
            SELECT os.occupation_id, os.skill_id, os.relation, os.importance
              FROM occupation_skills os JOIN occupations o ON o.id = os.occupation_id
             WHERE o.taxonomy_id = @taxonomyId
             ORDER BY os.occupation_id, os.relation, os.skill_id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120))).ToLookup(s => s.OccupationId);
        // O*NET importance is 1–5; ESCO and ours give none (each requirement then weighs 1).
        return occupations.Select(o => new OccupationProfile(o.Id, o.Title, o.IscoCode, o.Sector,
                skills[o.Id].Select(s => new RoleRequirement(s.SkillId,
                    s.Relation == "essential" ? RequirementKind.Essential : RequirementKind.Optional,
                    s.Importance is { } importance ? importance / 5.0 : 1)).ToList()))
            .Where(o => o.Skills.Count > 0)
            .ToList();
    }
}
