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
    /// <param name="planOptions">Budgets and filters; languages and formats left null come from the learner's profile, and
    /// in-person and hybrid offerings must be in the learner's region (<see cref="PlanScope"/>).</param>
    public async Task<GapView?> FindAsync(Guid learnerId, GapTarget target, GapPlanOptions planOptions, CancellationToken ct)
    {
        var learners = await inputs.LearnersAsync([learnerId], ct);
        if (!learners.TryGetValue(learnerId, out var learner)) return null;
        if (await inputs.ReachAsync(learnerId, ct) is not { } reach) return null;
        var scope = PlanScope.Resolve(reach, planOptions.Languages, planOptions.Formats);
        planOptions = planOptions with { Languages = scope.Languages.ToHashSet(), Formats = scope.Formats.ToHashSet(), Regions = planOptions.Regions ?? scope.Reach };
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
        var gapIds = planGaps.Select(g => g.SkillId).ToHashSet();
        var offerings = await gaps.OfferingsTeachingAsync([.. gapIds], ct);
        IReadOnlyList<PlanOffering> nearby = [];
        if (gapIds.Count > 0 && !offerings.Any(o => o.Teaches.Any(t => gapIds.Contains(t.SkillId))))
            nearby = await NearbyAsync(gapIds, graph, ct);
        var plans = GapPlanner.Plan(planGaps, offerings, planOptions, nearby);
        return new GapView(found.Title, items, plans, TargetFound: true, scope);
    }

    /// <summary>Offerings teaching skills linked to the gaps in the taxonomy, or close to them, with only those skills listed.</summary>
    private async Task<IReadOnlyList<PlanOffering>> NearbyAsync(HashSet<long> gapIds, SkillGraph graph, CancellationToken ct)
    {
        var related = gapIds.SelectMany(id => graph.Neighbours(id).Where(n => n.Similarity >= SkillGraph.MinimumPartialSimilarity).Select(n => n.SkillId))
            .Where(id => !gapIds.Contains(id)).ToHashSet();
        if (related.Count == 0) return [];
        var offerings = await gaps.OfferingsTeachingAsync([.. related], ct);
        return [.. offerings.Select(o => o with { Teaches = [.. o.Teaches.Where(t => related.Contains(t.SkillId))] })];
    }
}
