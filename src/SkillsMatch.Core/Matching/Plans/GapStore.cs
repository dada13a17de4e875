using Dapper;
using Npgsql;
using SkillsMatch.Catalog;
using SkillsMatch.Storage;

namespace SkillsMatch.Matching.Plans;

/// <summary>What the gaps view reads besides the match inputs: demand for skills across open postings, and the catalog offerings that teach them.</summary>
public sealed class GapStore(ReadRouting reads)
{
    /// <summary>How many open postings ask for each skill.</summary>
    public async Task<Dictionary<long, int>> DemandAsync(long[] skillIds, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        return (await conn.QueryAsync<(long Skill, int Postings)>(new CommandDefinition("""
            SELECT wanted.skill, count(p.id)::int
              FROM unnest(@skillIds) AS wanted(skill)
              LEFT JOIN job_postings p ON p.skill_ids @> ARRAY[wanted.skill] AND p.status = 'open' AND (p.valid_through IS NULL OR p.valid_through > now())
             GROUP BY wanted.skill
            """, new { skillIds }, cancellationToken: ct))).ToDictionary(d => d.Skill, d => d.Postings);
    }

    /// <summary>
    /// Offerings teaching any of the skills. Only those stating hours and cost enter plans: a plan reported as
    /// "N hours, cost C" must not count an unknown as zero. Their QA status is the one that counts (<see cref="QualityAssuranceRule"/>).
    /// </summary>
    public async Task<IReadOnlyList<PlanOffering>> OfferingsTeachingAsync(long[] skillIds, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        var rows = await conn.QueryAsync<OfferingSkillRow>(new CommandDefinition($"""
            SELECT o.id, o.title, o.provider, o.hours::float8 AS hours, o.cost, o.format, o.language, o.region,
                   {QualityAssuranceRule.CountedSql} AS qa, cs.skill_id AS skillid, cs.confidence::float8 AS confidence, s.preferred_label AS label
              FROM catalog_offerings o JOIN catalog_offering_skills cs ON cs.offering_id = o.id JOIN skills s ON s.id = cs.skill_id
              {QualityAssuranceRule.RegistryJoin}
             WHERE o.hours IS NOT NULL AND o.cost IS NOT NULL
               AND o.id IN (SELECT offering_id FROM catalog_offering_skills WHERE skill_id = ANY(@skillIds))
            """, new { skillIds }, cancellationToken: ct));
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var o = g.First();
            return new PlanOffering(o.Id.ToString(), o.Title, o.Provider, o.Hours, o.Cost, [.. g.Select(r => new TaughtSkill(r.SkillId, r.Confidence, r.Label))],
                o.Format, o.Language, o.Region is "CA" ? null : o.Region, o.Qa);
        }).ToList();
    }

    private sealed record OfferingSkillRow(
        Guid Id, string Title, string Provider, double Hours, decimal Cost, string Format, string Language, string? Region, string Qa, long SkillId, double Confidence, string Label);
}
