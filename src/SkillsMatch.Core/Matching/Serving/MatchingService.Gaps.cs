using Dapper;
using SkillsMatch.Matching.Plans;

namespace SkillsMatch.Matching.Serving;

public sealed partial class MatchingService
{
    /// <summary>
    /// What a learner lacks for a target (an occupation or a posting): missing skills, and those held only through a
    /// related skill, ordered essential first, then by demand across open postings; and the fastest and the cheapest
    /// catalog plans that close them.
    /// </summary>
    public async Task<GapView?> GapsAsync(Guid learnerId, GapTarget target, GapPlanOptions planOptions, CancellationToken ct)
    {
        var learners = await inputs.LearnersAsync([learnerId], ct);
        if (!learners.TryGetValue(learnerId, out var learner)) return null;
        (string Title, RoleProfile Role)? role = target.JobId is { } jobId
            ? (await inputs.PostingsAsync([jobId], ct)).GetValueOrDefault(jobId) is { } posting ? (posting.Title, posting.Role) : null
            : await inputs.OccupationAsync(target.OccupationId!.Value, ct);
        if (role is not { } found) return new GapView(null, [], null, TargetFound: false);

        var graph = await graphs.GetAsync(ct);
        var analysis = MatchFeatureBuilder.Analyze(found.Role, learner, graph, time.GetUtcNow());
        var open = analysis.Requirements.Where(o => o.Status != RequirementStatus.Matched).ToList();
        var explanation = (await explainer.ExplainAsync([new MatchResult(0, 0, analysis, [])], showEvidence: true, ct))[0];
        var labels = explanation.Requirements.ToDictionary(r => r.SkillId);
        var demand = await DemandAsync([.. open.Select(o => o.Requirement.SkillId)], ct);

        var gaps = open
            .OrderBy(o => o.Requirement.Kind)
            .ThenByDescending(o => demand.GetValueOrDefault(o.Requirement.SkillId))
            .ThenByDescending(o => o.Requirement.Importance)
            .Select(o => new GapItem(labels[o.Requirement.SkillId], demand.GetValueOrDefault(o.Requirement.SkillId)))
            .ToList();
        // Essential gaps weigh double in the plans' "close as much as possible" objective.
        var planGaps = open.Select(o => new SkillGap(o.Requirement.SkillId, labels[o.Requirement.SkillId].Label,
            o.Requirement.Importance * (o.Requirement.Kind == RequirementKind.Essential ? 2 : 1), o.Requirement.Kind == RequirementKind.Essential)).ToList();
        var plans = GapPlanner.Plan(planGaps, await OfferingsTeachingAsync([.. planGaps.Select(g => g.SkillId)], ct), planOptions);
        return new GapView(found.Title, gaps, plans, TargetFound: true);
    }

    private async Task<Dictionary<long, int>> DemandAsync(long[] skillIds, CancellationToken ct)
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
    /// "N hours, cost C" must not count an unknown as zero.
    /// </summary>
    private async Task<IReadOnlyList<PlanOffering>> OfferingsTeachingAsync(long[] skillIds, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        var rows = await conn.QueryAsync<OfferingSkillRow>(new CommandDefinition("""
            SELECT o.id, o.title, o.provider, o.hours::float8 AS hours, o.cost, o.format, o.language, o.region,
                   o.quality_assurance AS qa, cs.skill_id AS skillid, cs.confidence::float8 AS confidence
              FROM catalog_offerings o JOIN catalog_offering_skills cs ON cs.offering_id = o.id
             WHERE o.hours IS NOT NULL AND o.cost IS NOT NULL
               AND o.id IN (SELECT offering_id FROM catalog_offering_skills WHERE skill_id = ANY(@skillIds))
            """, new { skillIds }, cancellationToken: ct));
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var o = g.First();
            return new PlanOffering(o.Id.ToString(), o.Title, o.Provider, o.Hours, o.Cost, [.. g.Select(r => new TaughtSkill(r.SkillId, r.Confidence))],
                o.Format, o.Language, o.Region is "CA" ? null : o.Region, o.Qa);
        }).ToList();
    }

    private sealed record OfferingSkillRow(
        Guid Id, string Title, string Provider, double Hours, decimal Cost, string Format, string Language, string? Region, string Qa, long SkillId, double Confidence);
}

/// <summary>Exactly one of an occupation (working taxonomy) or a job posting.</summary>
public sealed record GapTarget(long? OccupationId, Guid? JobId);

/// <param name="Gaps">Essential first, then by how many open postings ask for the skill.</param>
public sealed record GapView(string? Target, IReadOnlyList<GapItem> Gaps, GapPlans? Plans, bool TargetFound);

/// <param name="OpenPostings">How many open postings ask for this skill.</param>
public sealed record GapItem(RequirementExplanation Requirement, int OpenPostings);
