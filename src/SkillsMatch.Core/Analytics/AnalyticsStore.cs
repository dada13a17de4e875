using Dapper;
using SkillsMatch.Jobs;
using SkillsMatch.Storage;

namespace SkillsMatch.Analytics;

/// <summary>
/// Aggregates over learners for practitioners and admins: counts only, never a learner's id or name, and every count of
/// learners through <see cref="LearnerCount"/>. The queries take no free filter (a region is one of the fixed, disjoint
/// provinces; a cohort is a whole caseload), so two answers cannot be subtracted to isolate a learner; see docs/api.md.
/// </summary>
public sealed class AnalyticsStore(ReadRouting reads)
{
    /// <summary>Most skill columns and occupation rows a heatmap has.</summary>
    public const int MaxSkills = 30, MaxRows = 50;

    /// <summary>Most skills a demand/supply answer lists.</summary>
    public const int MaxDemandSkills = 50;

    /// <param name="practitioner">The caseload's practitioner; null for every learner (admin).</param>
    public async Task<SkillGapHeatmap> SkillGapsAsync(string? practitioner, int skills, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        var cells = (await conn.QueryAsync<(long OccupationId, string Occupation, long Group, long SkillId, string Label, long Lacking)>(new CommandDefinition("""
            WITH cohort AS (
                SELECT l.id, l.skill_ids, t.occupation_id
                  FROM learners l CROSS JOIN LATERAL unnest(l.target_occupation_ids) AS t(occupation_id)
                 WHERE @practitioner::text IS NULL
                    OR EXISTS (SELECT 1 FROM practitioner_caseload c WHERE c.learner_id = l.id AND c.practitioner = @practitioner)
            ), groups AS (
                SELECT occupation_id, count(DISTINCT id) AS learners FROM cohort GROUP BY occupation_id
            )
            SELECT g.occupation_id, o.title, g.learners, os.skill_id, s.preferred_label,
                   count(*) FILTER (WHERE NOT (os.skill_id = ANY (c.skill_ids))) AS lacking
              FROM groups g
              JOIN occupations o ON o.id = g.occupation_id
              JOIN occupation_skills os ON os.occupation_id = g.occupation_id AND os.relation = 'essential'
              JOIN skills s ON s.id = os.skill_id
              JOIN cohort c ON c.occupation_id = g.occupation_id
             GROUP BY g.occupation_id, o.title, g.learners, os.skill_id, s.preferred_label
            """, new { practitioner }, cancellationToken: ct))).ToList();

        // Columns: the skills most learners need; only rows large enough to publish count toward the choice, so a
        // column never hints at a suppressed row's needs.
        var published = cells.Where(c => c.Group >= LearnerCount.MinLearners).ToList();
        var columns = published.GroupBy(c => (c.SkillId, c.Label))
            .OrderByDescending(g => g.Sum(c => c.Group)).ThenByDescending(g => g.Sum(c => c.Lacking)).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Take(Math.Clamp(skills, 1, MaxSkills)).Select(g => new HeatmapSkill(g.Key.SkillId, g.Key.Label)).ToList();
        var rows = cells.GroupBy(c => (c.OccupationId, c.Occupation, c.Group))
            .OrderByDescending(g => g.Key.Group).ThenBy(g => g.Key.Occupation, StringComparer.Ordinal).Take(MaxRows)
            .Select(g =>
            {
                var count = LearnerCount.Of(g.Key.Group);
                var bySkill = g.ToDictionary(c => c.SkillId, c => c.Lacking);
                return new HeatmapRow(g.Key.OccupationId, g.Key.Occupation, count, [.. columns.Select(skill =>
                    !bySkill.TryGetValue(skill.SkillId, out var lacking) ? new HeatmapCell(skill.SkillId, false, false, null, null)
                    : count.Suppressed ? new HeatmapCell(skill.SkillId, true, true, null, null)
                    : new HeatmapCell(skill.SkillId, true, false, (int)lacking, Math.Round((double)lacking / g.Key.Group, 3)))]);
            }).ToList();
        return new SkillGapHeatmap(LearnerCount.MinLearners, columns, rows);
    }

    /// <param name="region">An ISO 3166-2 code (CA-ON), already normalised.</param>
    public async Task<DemandSupply> DemandSupplyAsync(string region, int limit, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT count(*) FROM job_postings p WHERE p.region = @region AND {JobPostingStore.StatusSql} = 'open';
            WITH demand AS (
                SELECT r.skill_id, count(*) AS postings
                  FROM job_postings p CROSS JOIN LATERAL unnest(p.required_skill_ids) AS r(skill_id)
                 WHERE p.region = @region AND {JobPostingStore.StatusSql} = 'open'
                 GROUP BY r.skill_id
                 ORDER BY postings DESC, r.skill_id
                 LIMIT @limit
            )
            SELECT d.skill_id, s.preferred_label, d.postings,
                   count(*) FILTER (WHERE h.tier = 4) AS verified, count(*) FILTER (WHERE h.tier = 3) AS attested,
                   count(*) FILTER (WHERE h.tier = 2) AS inferred, count(*) FILTER (WHERE h.tier = 1) AS selfdeclared
              FROM demand d
              JOIN skills s ON s.id = d.skill_id
              LEFT JOIN (SELECT t.skill_id, t.tier
                           FROM learners l CROSS JOIN LATERAL unnest(l.skill_ids, l.skill_tiers) AS t(skill_id, tier)
                          WHERE l.region = @region AND l.visible_to_employers) h ON h.skill_id = d.skill_id
             GROUP BY d.skill_id, s.preferred_label, d.postings
             ORDER BY d.postings DESC, s.preferred_label;
            """, new { region, limit = Math.Clamp(limit, 1, MaxDemandSkills) }, cancellationToken: ct));
        var open = await grid.ReadSingleAsync<long>();
        var rows = (await grid.ReadAsync<(long SkillId, string Label, long Postings, long Verified, long Attested, long Inferred, long SelfDeclared)>())
            .Select(r => Row(r.SkillId, r.Label, r.Postings, [("credential-verified", r.Verified), ("attested", r.Attested), ("inferred", r.Inferred), ("self-declared", r.SelfDeclared)]))
            .ToList();
        return new DemandSupply(region, LearnerCount.MinLearners, (int)open, rows);
    }

    /// <summary>
    /// The total is withheld when the suppressed tiers together hold 1 to 4 learners: total minus the published tiers
    /// would give them away.
    /// </summary>
    private static DemandSupplyRow Row(long skillId, string label, long postings, (string Tier, long Learners)[] tiers)
    {
        var hiddenSum = tiers.Where(t => t.Learners < LearnerCount.MinLearners).Sum(t => t.Learners);
        var total = tiers.Sum(t => t.Learners);
        var holders = hiddenSum is > 0 and < LearnerCount.MinLearners ? LearnerCount.Hidden : LearnerCount.Of(total);
        return new DemandSupplyRow(skillId, label, (int)postings, holders, [.. tiers.Select(t => new TierCount(t.Tier, LearnerCount.Of(t.Learners)))]);
    }
}
