using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Plans;

/// <summary>
/// The gaps view: what a learner lacks for a target (an occupation or a posting) — missing skills, and those held
/// only through a related skill, ordered essential first, then by demand across open postings — and the fastest
/// and the cheapest catalog plans that close them.
/// </summary>
public sealed class GapsForLearner(MatchInputsStore inputs, GapStore gaps, SkillGraphCache graphs, MatchExplainer explainer, TimeProvider time)
{
    /// <summary>Null when there is no such learner; <see cref="GapView.TargetFound"/> false when there is no such target.</summary>
    public async Task<GapView?> FindAsync(Guid learnerId, GapTarget target, GapPlanOptions planOptions, CancellationToken ct)
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
        var demand = await gaps.DemandAsync([.. open.Select(o => o.Requirement.SkillId)], ct);

        var items = open
            .OrderBy(o => o.Requirement.Kind)
            .ThenByDescending(o => demand.GetValueOrDefault(o.Requirement.SkillId))
            .ThenByDescending(o => o.Requirement.Importance)
            .Select(o => new GapItem(labels[o.Requirement.SkillId], demand.GetValueOrDefault(o.Requirement.SkillId)))
            .ToList();
        // Essential gaps weigh double in the plans' "close as much as possible" objective.
        var planGaps = open.Select(o => new SkillGap(o.Requirement.SkillId, labels[o.Requirement.SkillId].Label,
            o.Requirement.Importance * (o.Requirement.Kind == RequirementKind.Essential ? 2 : 1), o.Requirement.Kind == RequirementKind.Essential)).ToList();
        var plans = GapPlanner.Plan(planGaps, await gaps.OfferingsTeachingAsync([.. planGaps.Select(g => g.SkillId)], ct), planOptions);
        return new GapView(found.Title, items, plans, TargetFound: true);
    }
}
